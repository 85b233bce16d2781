namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class ReportingPeriodConfiguration : IEntityTypeConfiguration<ReportingPeriod>
{
    public void Configure(EntityTypeBuilder<ReportingPeriod> builder)
    {
        builder.ToTable("ReportingPeriods", t => t.HasCheckConstraint("CK_ReportingPeriods_Dates", "\"OpensOn\" <= \"ClosesOn\""));
        builder.HasIndex(p => p.Year).IsUnique();
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Framework).WithMany().HasForeignKey(p => p.FrameworkId).OnDelete(DeleteBehavior.Restrict);
    }
}
