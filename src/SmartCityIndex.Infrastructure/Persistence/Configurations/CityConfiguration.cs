namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.ToTable("Cities", t => t.HasCheckConstraint("CK_Cities_Population", "\"Population\" > 0"));
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.HasIndex(c => c.Code).IsUnique();
        builder.Property(c => c.NameEn).HasMaxLength(100);
        builder.Property(c => c.NameZh).HasMaxLength(100);
        builder.Property(c => c.ProvinceEn).HasMaxLength(100);
        builder.Property(c => c.ProvinceZh).HasMaxLength(100);
        builder.Property(c => c.Tier).HasConversion<string>().HasMaxLength(20);
    }
}
