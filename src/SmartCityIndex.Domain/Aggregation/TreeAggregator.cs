using System.Numerics;
using SmartCityIndex.Domain.Indexing;

namespace SmartCityIndex.Domain.Aggregation;

/// <summary>
/// The columns of every node of the tree: indicator columns from one matrix, aggregate columns from another (or
/// the same), so that repeated runs (sensitivity) can share one normalised table and write only their aggregates.
/// <paramref name="logIndicators"/>, when given, holds ln of the indicator columns, so that repeated geometric means
/// do not take the same logarithms again.
/// </summary>
internal readonly struct NodeColumns(ColumnMatrix indicators, ColumnMatrix aggregates, int aggregateOffset, ColumnMatrix? logIndicators = null)
{
    public Span<double> this[int node] => node < aggregateOffset ? indicators.Column(node) : aggregates.Column(node - aggregateOffset);

    /// <summary>ln of an indicator column, when precomputed.</summary>
    public bool TryLog(int node, out Span<double> logs)
    {
        if (logIndicators is { } table && node < aggregateOffset)
        {
            logs = table.Column(node);
            return true;
        }

        logs = default;
        return false;
    }
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
            switch (method)
            {
                case AggregationMethod.Arithmetic:
                    Accumulate(columns[child], w, output, weightSum);
                    break;
                case AggregationMethod.Geometric when columns.TryLog(child, out var logs):
                    Accumulate(logs, w, output, weightSum);
                    break;
                case AggregationMethod.Geometric:
                    var x = columns[child];
                    for (var u = 0; u < x.Length; u++)
                    {
                        var v = x[u];
                        if (!double.IsNaN(v))
                        {
                            EnsurePositive(v, "geometric", structure.Nodes[child].Code, unitCodes[u]);
                            output[u] += w * Math.Log(v);
                            weightSum[u] += w;
                        }
                    }

                    break;
                default:
                    var y = columns[child];
                    for (var u = 0; u < y.Length; u++)
                    {
                        var v = y[u];
                        if (!double.IsNaN(v))
                        {
                            EnsurePositive(v, "harmonic", structure.Nodes[child].Code, unitCodes[u]);
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

    /// <summary>ln of every value of <paramref name="source"/>, refusing values ≤ 0 with the geometric mean's message.</summary>
    public static ColumnMatrix Logarithms(ColumnMatrix source, IndexStructure structure, IReadOnlyList<string> unitCodes)
    {
        var logs = new ColumnMatrix(new double[source.Rows * structure.IndicatorCount], source.Rows, structure.IndicatorCount);
        for (var j = 0; j < structure.IndicatorCount; j++)
        {
            var x = source.Column(j);
            var y = logs.Column(j);
            for (var u = 0; u < x.Length; u++)
            {
                var v = x[u];
                if (!double.IsNaN(v))
                {
                    EnsurePositive(v, "geometric", structure.Nodes[j].Code, unitCodes[u]);
                }

                y[u] = Math.Log(v); // NaN stays NaN
            }
        }

        return logs;
    }

    /// <summary>sum += w·x and weightSum += w wherever x is present; vectorised, since this is the hot loop.</summary>
    private static void Accumulate(ReadOnlySpan<double> x, double w, Span<double> sum, Span<double> weightSum)
    {
        var u = 0;
        if (Vector.IsHardwareAccelerated && x.Length >= Vector<double>.Count)
        {
            var weight = new Vector<double>(w);
            for (; u <= x.Length - Vector<double>.Count; u += Vector<double>.Count)
            {
                var v = new Vector<double>(x[u..]);
                var present = Vector.Equals(v, v); // false only for NaN
                (new Vector<double>(sum[u..]) + weight * Vector.ConditionalSelect(present, v, Vector<double>.Zero)).CopyTo(sum[u..]);
                (new Vector<double>(weightSum[u..]) + Vector.ConditionalSelect(present, weight, Vector<double>.Zero)).CopyTo(weightSum[u..]);
            }
        }

        for (; u < x.Length; u++)
        {
            var v = x[u];
            if (!double.IsNaN(v))
            {
                sum[u] += w * v;
                weightSum[u] += w;
            }
        }
    }

    private static void EnsurePositive(double value, string mean, string indicator, string unit)
    {
        if (value <= 0)
        {
            throw new DomainException(
                $"The {mean} mean needs positive values, but {indicator} of unit {unit} is {value}. " +
                "Normalise to a range that starts above zero, such as 1-100 (--range 1,100).");
        }
    }
}
