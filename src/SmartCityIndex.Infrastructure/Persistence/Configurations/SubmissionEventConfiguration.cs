namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class SubmissionEventConfiguration : IEntityTypeConfiguration<SubmissionEvent>
{
    public void Configure(EntityTypeBuilder<SubmissionEvent> builder)
    {
        builder.ToTable("SubmissionEvents");
        builder.Property(e => e.Actor).HasMaxLength(256);
        builder.Property(e => e.From).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.To).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Comment).HasMaxLength(4000);
        builder.HasIndex(e => new { e.SubmissionId, e.At });
    }
}
