using SmartCityIndex.Domain.Runs;

namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class ScoreRunConfiguration : IEntityTypeConfiguration<ScoreRun>
{
    public void Configure(EntityTypeBuilder<ScoreRun> builder)
    {
        builder.ToTable("ScoreRuns");
        builder.Property(r => r.EngineVersion).HasMaxLength(64);
        builder.Property(r => r.InputsHash).HasMaxLength(64);
        builder.Property(r => r.Trigger).HasMaxLength(200);
        builder.Ignore(r => r.IsProvisional);
        builder.HasOne<ReportingPeriod>().WithMany().HasForeignKey(r => r.ReportingPeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<IndicatorFramework>().WithMany().HasForeignKey(r => r.FrameworkId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Cities).WithOne().HasForeignKey(c => c.ScoreRunId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Cities).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.ReportingPeriodId, r.CreatedAt });
    }
}

internal sealed class ScoreRunCityConfiguration : IEntityTypeConfiguration<ScoreRunCity>
{
    public void Configure(EntityTypeBuilder<ScoreRunCity> builder)
    {
        builder.ToTable("ScoreRunCities");
        builder.HasKey(c => new { c.ScoreRunId, c.CityId });
        builder.HasOne<City>().WithMany().HasForeignKey(c => c.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CityId);
    }
}
