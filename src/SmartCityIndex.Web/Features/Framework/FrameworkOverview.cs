using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Web.Features.Framework;

/// <summary>What the home page shows of a framework version: its category tree with shares of the index.</summary>
public sealed record FrameworkOverview(
    string Name,
    int Version,
    FrameworkStatus Status,
    DateTime? PublishedAt,
    IReadOnlyList<CategoryNode> Categories,
    int IndicatorCount,
    int CategoryCount)
{
    /// <summary>
    /// Builds the tree. A weight's <em>share</em> is the weight divided by the sum of its siblings' weights; the share of
    /// the index is the product of the shares along the path from the top (the effective weight under arithmetic
    /// aggregation).
    /// </summary>
    public static FrameworkOverview From(IndicatorFramework framework)
    {
        // By reference, not by id: a framework that was never saved has no ids yet.
        var childrenOf = framework.Categories.ToLookup(c => c.Parent);
        var indicatorsOf = framework.Indicators.ToLookup(i => i.Category);

        IReadOnlyList<CategoryNode> Build(Category? parent, double parentShare)
        {
            var siblings = (parent is null ? framework.Categories.Where(c => c.Parent is null) : childrenOf[parent]).OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();
            var total = siblings.Sum(c => c.Weight);
            return siblings.Select(c =>
            {
                var share = c.Weight / total;
                var indexShare = parentShare * share;
                var indicators = indicatorsOf[c].OrderBy(i => i.SortOrder).ThenBy(i => i.Code, StringComparer.Ordinal).ToList();
                var indicatorTotal = indicators.Sum(i => i.Weight);
                var rows = indicators.Select(i => new IndicatorRow(
                    i.Code, i.NameEn, i.NameZh, i.Unit, i.Direction, i.Weight,
                    i.Weight / indicatorTotal, indexShare * i.Weight / indicatorTotal,
                    i.PlausibleRange, i.HardRange, i.Source)).ToList();
                return new CategoryNode(c.Code, c.NameEn, c.NameZh, c.Weight, share, indexShare, rows, Build(c, indexShare));
            }).ToList();
        }

        return new FrameworkOverview(
            framework.Name, framework.Version, framework.Status, framework.PublishedAt,
            Build(null, 1.0), framework.Indicators.Count, framework.Categories.Count);
    }
}

/// <summary>A category with its indicators and sub-categories.</summary>
public sealed record CategoryNode(
    string Code,
    string NameEn,
    string NameZh,
    double Weight,
    double ShareOfParent,
    double ShareOfIndex,
    IReadOnlyList<IndicatorRow> Indicators,
    IReadOnlyList<CategoryNode> Children)
{
    /// <summary>Indicators in this category and every sub-category.</summary>
    public int IndicatorCount => Indicators.Count + Children.Sum(c => c.IndicatorCount);
}

/// <summary>One indicator as listed in the tree.</summary>
public sealed record IndicatorRow(
    string Code,
    string NameEn,
    string NameZh,
    string Unit,
    Direction Direction,
    double Weight,
    double ShareOfCategory,
    double ShareOfIndex,
    ValueRange? PlausibleRange,
    ValueRange? HardRange,
    string? Source);
