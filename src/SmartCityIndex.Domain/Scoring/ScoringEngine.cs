using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Imputation;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Normalisation;
using SmartCityIndex.Domain.Outliers;
using SmartCityIndex.Domain.Ranking;

namespace SmartCityIndex.Domain.Scoring;

/// <summary>
/// The composite index pipeline: impute → treat outliers → normalise → aggregate level by level → rank.
/// Reproduces COINr where the methods are shared (see docs/methodology.md).
/// </summary>
public static class ScoringEngine
{
    /// <summary>Scores every unit on every node of the index.</summary>
    public static ScoreResult Score(IndexStructure structure, UnitData data, ScoringOptions options)
    {
        options.Validate();
        if (data.Values.Columns != structure.IndicatorCount)
        {
            throw new DomainException($"The data have {data.Values.Columns} indicator columns; the index has {structure.IndicatorCount} indicators.");
        }

        var warnings = new List<string>();
        var codes = structure.Nodes.Select(n => n.Code).ToArray();
        var weights = ResolveWeights(structure, options.Weights);
        var prepared = Prepare(structure, data, options, codes, warnings, out var treatments);

        var units = data.UnitCount;
        var scores = new ColumnMatrix(new double[units * structure.NodeCount], units, structure.NodeCount);
        var methods = NormalisationMethods(structure, options, codes);
        for (var j = 0; j < structure.IndicatorCount; j++)
        {
            var node = structure.Nodes[j];
            var warning = Normaliser.Normalise(prepared.Column(j), scores.Column(j), structure.Directions[j], methods[j],
                options.RangeLow, options.RangeHigh, node.GoalLow, node.GoalHigh, node.Code);
            if (warning is not null)
            {
                warnings.Add(warning);
            }
        }

        Aggregate(structure, data, prepared, scores, weights, options, warnings);
        var aggregateRanks = RankAggregates(structure, scores);
        return new ScoreResult(structure, data, prepared, scores, weights, warnings, treatments, aggregateRanks);
    }

    /// <summary>The node weights to use: the structure's, with <paramref name="overrides"/> by code.</summary>
    public static double[] ResolveWeights(IndexStructure structure, IReadOnlyDictionary<string, double>? overrides)
    {
        var weights = (double[])structure.Weights.Clone();
        foreach (var (code, weight) in overrides ?? new Dictionary<string, double>())
        {
            if (!structure.NodeIndex.TryGetValue(code, out var node))
            {
                throw new DomainException($"A weight is given for '{code}', which is not in the index.");
            }

            if (!double.IsFinite(weight) || weight <= 0)
            {
                throw new DomainException($"The weight of '{code}' must be a number greater than 0 (got {weight}).");
            }

            weights[node] = weight;
        }

        return weights;
    }

    private static ColumnMatrix Prepare(IndexStructure structure, UnitData data, ScoringOptions options, string[] codes,
        List<string> warnings, out IReadOnlyList<TreatmentRecord> treatments)
    {
        treatments = [];
        if (options.Imputation.Method == ImputationMethod.None && options.Treatment == OutlierTreatment.None)
        {
            return data.Values; // read only from here on: no copy needed
        }

        var prepared = data.Values.Clone();
        var filled = Imputer.Impute(prepared, options.Imputation, data.Groups, codes, warnings);
        if (filled > 0)
        {
            warnings.Add($"Imputed {filled} missing value(s) with the {options.Imputation.Method.ToString().ToLowerInvariant()}" +
                (options.Imputation.GroupColumn is { } g ? $" of each unit's '{g}' group." : " of each indicator."));
        }

        if (options.Treatment == OutlierTreatment.Winsorise)
        {
            var records = new List<TreatmentRecord>();
            for (var j = 0; j < structure.IndicatorCount; j++)
            {
                if (options.TreatmentExempt?.Contains(codes[j]) == true)
                {
                    continue;
                }

                if (OutlierTreater.Treat(prepared.Column(j), codes[j]) is { } record)
                {
                    records.Add(record);
                }
            }

            treatments = records;
        }

        return prepared;
    }

    private static NormalisationMethod[] NormalisationMethods(IndexStructure structure, ScoringOptions options, string[] codes)
    {
        var methods = new NormalisationMethod[structure.IndicatorCount];
        Array.Fill(methods, options.Normalisation);
        foreach (var (code, method) in options.NormalisationOverrides ?? new Dictionary<string, NormalisationMethod>())
        {
            var j = Array.IndexOf(codes, code, 0, structure.IndicatorCount);
            if (j < 0)
            {
                throw new DomainException($"A normalisation is given for '{code}', which is not an indicator of the index.");
            }

            methods[j] = method;
        }

        return methods;
    }

    private static void Aggregate(IndexStructure structure, UnitData data, ColumnMatrix prepared, ColumnMatrix scores, double[] weights,
        ScoringOptions options, List<string> warnings)
    {
        var units = data.UnitCount;
        var weightSum = new double[units];
        for (var node = structure.IndicatorCount; node < structure.NodeCount; node++)
        {
            var method = options.AggregationByLevel?.GetValueOrDefault(structure.Levels[node], options.Aggregation) ?? options.Aggregation;
            var output = scores.Column(node);
            switch (method)
            {
                case AggregationMethod.Arithmetic:
                case AggregationMethod.Geometric:
                case AggregationMethod.Harmonic:
                    TreeAggregator.WeightedMean(structure, new NodeColumns(scores, scores, 0), weights, node, method, weightSum, data.UnitCodes);
                    break;
                case AggregationMethod.Topsis:
                case AggregationMethod.GreyRelational:
                    IndexMethod(structure, data, prepared, weights, node, method, options, output, warnings);
                    break;
                default:
                    throw new DomainException($"Aggregation method {method} is not known.");
            }

            if (options.CoverageThreshold > 0)
            {
                ApplyCoverage(structure, data, prepared, node, options.CoverageThreshold, output, warnings);
            }
        }
    }

    internal static void IndexMethod(IndexStructure structure, UnitData data, ColumnMatrix prepared, double[] weights, int node,
        AggregationMethod method, ScoringOptions options, Span<double> output, List<string> warnings)
    {
        var effective = structure.EffectiveWeights(node, weights);
        var beneath = structure.IndicatorsBeneath(node);
        var units = data.UnitCount;
        var sub = new ColumnMatrix(new double[units * beneath.Length], units, beneath.Length);
        var w = new double[beneath.Length];
        var directions = new int[beneath.Length];
        for (var k = 0; k < beneath.Length; k++)
        {
            prepared.Column(beneath[k]).CopyTo(sub.Column(k));
            w[k] = effective[beneath[k]];
            directions[k] = structure.Directions[beneath[k]];
        }

        var leftOut = method == AggregationMethod.Topsis
            ? Topsis.Closeness(sub, w, directions, options.TopsisNormalisation, output)
            : GreyRelational.Grade(sub, w, directions, options.GraZeta, output);
        for (var u = 0; u < units; u++)
        {
            output[u] *= 100;
        }

        if (leftOut > 0)
        {
            var name = method == AggregationMethod.Topsis ? "TOPSIS" : "Grey relational analysis";
            warnings.Add($"{name} needs complete data: {leftOut} unit(s) with a gap beneath {structure.Nodes[node].Code} get no score for it.");
        }
    }

    private static void ApplyCoverage(IndexStructure structure, UnitData data, ColumnMatrix prepared, int node, double threshold,
        Span<double> output, List<string> warnings)
    {
        var beneath = structure.IndicatorsBeneath(node);
        var dropped = new List<string>();
        for (var u = 0; u < data.UnitCount; u++)
        {
            var present = 0;
            foreach (var j in beneath)
            {
                if (!double.IsNaN(prepared[u, j]))
                {
                    present++;
                }
            }

            if (!double.IsNaN(output[u]) && (double)present / beneath.Length < threshold)
            {
                output[u] = double.NaN;
                dropped.Add(data.UnitCodes[u]);
            }
        }

        if (dropped.Count > 0)
        {
            warnings.Add($"{structure.Nodes[node].Code}: {dropped.Count} unit(s) have data for less than {threshold:P0} of its indicators and get no score: {string.Join(", ", dropped.Take(10))}{(dropped.Count > 10 ? ", …" : string.Empty)}.");
        }
    }

    private static int[] RankAggregates(IndexStructure structure, ColumnMatrix scores)
    {
        var units = scores.Rows;
        var aggregates = structure.NodeCount - structure.IndicatorCount;
        var ranks = new int[units * aggregates];
        var order = new int[units];
        for (var a = 0; a < aggregates; a++)
        {
            Ranker.Rank(scores.Column(structure.IndicatorCount + a), ranks.AsSpan(a * units, units), order);
        }

        return ranks;
    }
}
