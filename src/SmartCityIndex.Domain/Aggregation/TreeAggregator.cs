using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Numerics;

namespace SmartCityIndex.Domain.Aggregation;

/// <summary>
/// The columns of every node of the tree: indicator columns from one matrix, aggregate columns from another (or
/// the same), so that repeated runs (sensitivity) can share one normalised table and write only their aggregates.
/// </summary>
internal readonly struct NodeColumns(ColumnMatrix indicators, ColumnMatrix aggregates, int aggregateOffset)
{
    public Span<double> this[int node] => node < aggregateOffset ? indicators.Column(node) : aggregates.Column(node - aggregateOffset);
}

/// <summary>Weighted means of an aggregate's children, skipping missing children (COINr's behaviour).</summary>
internal static class TreeAggregator
{
    /// <summary>
    /// Writes the score of <paramref name="node"/> for every unit: Σ w x / Σ w (arithmetic), exp(Σ w ln x / Σ w)
    /// (geometric) or Σ w / Σ (w / x) (harmonic) over the children the unit has a value for; missing when it has none.
    /// <paramref name="weightSum"/> is scratch space, one per unit.
    /// </summary>
    public static void WeightedMean(IndexStructure structure, NodeColumns columns, ReadOnlySpan<double> weights, int node,
        AggregationMethod method, double[] weightSum, IReadOnlyList<string> unitCodes)
    {
        var output = columns[node];
        output.Clear();
        Array.Clear(weightSum);
        foreach (var child in structure.Children(node))
        {
            var w = weights[child];
            var x = columns[child];
            switch (method)
            {
                case AggregationMethod.Arithmetic:
                    for (var u = 0; u < x.Length; u++)
                    {
                        var v = x[u];
                        if (!double.IsNaN(v))
                        {
                            output[u] += w * v;
                            weightSum[u] += w;
                        }
                    }

                    break;
                case AggregationMethod.Geometric:
                    for (var u = 0; u < x.Length; u++)
                    {
                        var v = x[u];
                        if (!double.IsNaN(v))
                        {
                            EnsurePositive(v, "geometric", structure, unitCodes, child, u);
                            output[u] += w * Math.Log(v);
                            weightSum[u] += w;
                        }
                    }

                    break;
                default:
                    for (var u = 0; u < x.Length; u++)
                    {
                        var v = x[u];
                        if (!double.IsNaN(v))
                        {
                            EnsurePositive(v, "harmonic", structure, unitCodes, child, u);
                            output[u] += w / v;
                            weightSum[u] += w;
                        }
                    }

                    break;
            }
        }

        for (var u = 0; u < output.Length; u++)
        {
            var total = weightSum[u];
            output[u] = total == 0 ? double.NaN : method switch
            {
                AggregationMethod.Arithmetic => output[u] / total,
                AggregationMethod.Geometric => Math.Exp(output[u] / total),
                _ => total / output[u],
            };
        }
    }

    private static void EnsurePositive(double value, string mean, IndexStructure structure, IReadOnlyList<string> unitCodes, int child, int unit)
    {
        if (value <= 0)
        {
            throw new DomainException(
                $"The {mean} mean needs positive values, but {structure.Nodes[child].Code} of unit {unitCodes[unit]} is {value}. " +
                "Normalise to a range that starts above zero, such as 1-100 (--range 1,100).");
        }
    }

}
