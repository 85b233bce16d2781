using SmartCityIndex.Domain.Indexing;

namespace SmartCityIndex.Domain.Weighting;

/// <summary>The equal-weights scheme: every node weighs the same as its siblings.</summary>
public static class EqualWeights
{
    /// <summary>Weight 1 for every node, by code, to pass as <c>ScoringOptions.Weights</c>.</summary>
    public static IReadOnlyDictionary<string, double> For(IndexStructure structure) =>
        structure.Nodes.ToDictionary(n => n.Code, _ => 1.0, StringComparer.Ordinal);
}
