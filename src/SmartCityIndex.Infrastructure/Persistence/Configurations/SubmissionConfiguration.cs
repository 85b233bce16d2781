namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> builder)
    {
        builder.ToTable("Submissions");
        builder.HasIndex(s => new { s.CityId, s.ReportingPeriodId }).IsUnique();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);

        // A GUID that the domain renews on every change works as a concurrency token on both providers
        // (PostgreSQL's xmin has no SQLite equivalent); see docs/decisions/ADR-003.
        builder.Property(s => s.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasOne<City>().WithMany().HasForeignKey(s => s.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(s => s.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Values).WithOne().HasForeignKey(v => v.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(s => s.Events).WithOne().HasForeignKey(e => e.SubmissionId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(s => s.IsEditable);
    }
}
