namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class IndicatorValueConfiguration : IEntityTypeConfiguration<IndicatorValue>
{
    public void Configure(EntityTypeBuilder<IndicatorValue> builder)
    {
        builder.ToTable("IndicatorValues", t => t.HasCheckConstraint(
            "CK_IndicatorValues_NotAvailable",
            "NOT \"NotAvailable\" OR (\"Value\" IS NULL AND \"NotAvailableReason\" IS NOT NULL)"));
        builder.HasIndex(v => new { v.SubmissionId, v.IndicatorId }).IsUnique();
        builder.Property(v => v.Value).HasPrecision(20, 6);
        builder.Property(v => v.NotAvailableReason).HasMaxLength(500);
        builder.Property(v => v.Note).HasMaxLength(2000);
        builder.Property(v => v.ReviewComment).HasMaxLength(2000);
        builder.HasOne<Indicator>().WithMany().HasForeignKey(v => v.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(v => v.IsAnswered);
    }
}
