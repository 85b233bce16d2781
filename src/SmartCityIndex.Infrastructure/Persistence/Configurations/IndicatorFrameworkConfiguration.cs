namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class IndicatorFrameworkConfiguration : IEntityTypeConfiguration<IndicatorFramework>
{
    public void Configure(EntityTypeBuilder<IndicatorFramework> builder)
    {
        builder.ToTable("Frameworks", t => t.HasCheckConstraint("CK_Frameworks_Version", "\"Version\" >= 1"));
        builder.Property(f => f.Name).HasMaxLength(200);
        builder.HasIndex(f => new { f.Name, f.Version }).IsUnique();
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(20);

        builder.HasMany(f => f.Categories).WithOne(c => c.Framework).HasForeignKey(c => c.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(f => f.Indicators).WithOne(i => i.Framework).HasForeignKey(i => i.FrameworkId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(f => f.IsEditable);
    }
}
