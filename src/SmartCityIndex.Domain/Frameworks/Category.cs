namespace SmartCityIndex.Domain.Frameworks;

/// <summary>
/// A group of indicators (or of sub-categories) in a framework, such as infrastructure. Its weight is relative to its
/// siblings under the same parent; only the ratios between sibling weights matter.
/// </summary>
public sealed class Category
{
    private Category()
    {
    }

    internal Category(IndicatorFramework framework, string code, string nameEn, string nameZh, double weight, Category? parent, int sortOrder)
    {
        Framework = framework;
        Code = Guard.Code(code, "Category");
        Parent = parent;
        SortOrder = sortOrder;
        Update(nameEn, nameZh, weight);
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>The framework version this category belongs to.</summary>
    public int FrameworkId { get; private set; }

    /// <summary>The framework version this category belongs to.</summary>
    public IndicatorFramework Framework { get; private set; } = null!;

    /// <summary>Code, unique within the framework (e.g. <c>INF</c>).</summary>
    public string Code { get; private set; } = string.Empty;

    /// <summary>English name.</summary>
    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Simplified Chinese name.</summary>
    public string NameZh { get; private set; } = string.Empty;

    /// <summary>Weight relative to the sibling categories under the same parent; greater than zero.</summary>
    public double Weight { get; private set; }

    /// <summary>The enclosing category, or null for a top-level category.</summary>
    public int? ParentId { get; private set; }

    /// <summary>The enclosing category, or null for a top-level category.</summary>
    public Category? Parent { get; private set; }

    /// <summary>Position among its siblings, for display.</summary>
    public int SortOrder { get; private set; }

    internal void Update(string nameEn, string nameZh, double weight)
    {
        NameEn = Guard.Text(nameEn, $"The English name of category {Code}", 200);
        NameZh = Guard.Text(nameZh, $"The Chinese name of category {Code}", 200);
        Weight = Guard.Weight(weight, $"category {Code}");
    }
}
