namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> builder)
    {
        builder.ToTable("Indicators", t =>
        {
            t.HasCheckConstraint("CK_Indicators_Weight", "\"Weight\" > 0");
            t.HasCheckConstraint("CK_Indicators_Direction", "\"Direction\" IN (-1, 1)");
            t.HasCheckConstraint("CK_Indicators_HardRange", Ordered("HardMin", "HardMax"));
            t.HasCheckConstraint("CK_Indicators_PlausibleRange", Ordered("PlausibleMin", "PlausibleMax"));
        });
        builder.Property(i => i.Code).HasMaxLength(32);
        builder.HasIndex(i => new { i.FrameworkId, i.Code }).IsUnique();
        builder.Property(i => i.NameEn).HasMaxLength(200);
        builder.Property(i => i.NameZh).HasMaxLength(200);
        builder.Property(i => i.Description).HasMaxLength(2000);
        builder.Property(i => i.Unit).HasMaxLength(50);
        builder.Property(i => i.Source).HasMaxLength(300);
        foreach (var bound in new[] { nameof(Indicator.HardMin), nameof(Indicator.HardMax), nameof(Indicator.PlausibleMin), nameof(Indicator.PlausibleMax), nameof(Indicator.GoalpostLow), nameof(Indicator.GoalpostHigh) })
        {
            builder.Property(bound).HasPrecision(20, 6);
        }

        builder.HasOne(i => i.Category).WithMany().HasForeignKey(i => i.CategoryId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(i => i.HardRange);
        builder.Ignore(i => i.PlausibleRange);
        builder.Ignore(i => i.Goalposts);
    }

    // SQLite stores decimals as text, which compares "500" > "10000": compare them as numbers on both providers.
    private static string Ordered(string min, string max) =>
        $"\"{min}\" IS NULL OR \"{max}\" IS NULL OR CAST(\"{min}\" AS DOUBLE PRECISION) <= CAST(\"{max}\" AS DOUBLE PRECISION)";
}
