namespace SmartCityIndex.Infrastructure.Persistence.Configurations;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.ToTable("Categories", t => t.HasCheckConstraint("CK_Categories_Weight", "\"Weight\" > 0"));
        builder.Property(c => c.Code).HasMaxLength(32);
        builder.HasIndex(c => new { c.FrameworkId, c.Code }).IsUnique();
        builder.Property(c => c.NameEn).HasMaxLength(200);
        builder.Property(c => c.NameZh).HasMaxLength(200);
        builder.HasOne(c => c.Parent).WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
