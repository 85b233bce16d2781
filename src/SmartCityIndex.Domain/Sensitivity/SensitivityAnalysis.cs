using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Normalisation;
using SmartCityIndex.Domain.Ranking;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Domain.Sensitivity;

/// <summary>
/// Uncertainty analysis of the index ranks (the "verify and adjust" step): Monte Carlo replications over weights,
/// aggregation and normalisation methods, summarised per unit as nominal, mean, median, 5th and 95th percentile rank
/// and mean absolute rank shift. Replications run in parallel on all cores; the data are prepared and normalised
/// once per normalisation method, and each replication only re-aggregates and ranks.
/// </summary>
public static class SensitivityAnalysis
{
    /// <summary>Runs the analysis. <paramref name="progress"/> receives the number of finished replications.</summary>
    public static SensitivityResult Run(IndexStructure structure, UnitData data, ScoringOptions nominal, SensitivityOptions options,
        IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        Validate(structure, options);
        var nominalResult = ScoringEngine.Score(structure, data, nominal);
        var units = data.UnitCount;
        var aggregations = options.AggregationAlternatives is { Count: > 0 } a ? a.ToArray() : [nominal.Aggregation];
        var normalisations = options.NormalisationAlternatives is { Count: > 0 } n ? n.ToArray() : [nominal.Normalisation];
        var levels = (options.Levels ?? Enumerable.Range(1, structure.MaxLevel - 1).ToList()).ToHashSet();
        var perturbed = Enumerable.Range(0, structure.NodeCount).Where(node => levels.Contains(structure.Levels[node])).ToArray();

        // Normalise once per method; replications only read these tables.
        var normalised = normalisations
            .Select(method => method == nominal.Normalisation && nominal.NormalisationOverrides is null
                ? nominalResult.Scores
                : ScoringEngine.Score(structure, data, nominal with { Normalisation = method, Aggregation = AggregationMethod.Arithmetic, AggregationByLevel = null }).Scores)
            .ToArray();

        // The geometric mean's logarithms of the indicator columns, once per table rather than once per replication.
        var logs = aggregations.Contains(AggregationMethod.Geometric)
            ? normalised.Select(table => (ColumnMatrix?)TreeAggregator.Logarithms(table, structure, data.UnitCodes)).ToArray()
            : new ColumnMatrix?[normalised.Length];

        var ranks = new int[options.Runs * units];
        var finished = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
            CancellationToken = cancellationToken,
        };
        try
        {
            Parallel.For(0, options.Runs, parallel,
            () => new Workspace(structure, units),
            (run, _, work) =>
            {
                var random = SplitMix64.For(options.Seed, run);
                nominalResult.Weights.CopyTo(work.Weights, 0);
                foreach (var node in perturbed)
                {
                    work.Weights[node] *= 1 + options.WeightNoise * (2 * random.NextDouble() - 1);
                }

                var aggregation = aggregations[aggregations.Length == 1 ? 0 : random.Next(aggregations.Length)];
                var table = normalisations.Length == 1 ? 0 : random.Next(normalisations.Length);
                Replicate(structure, data, nominalResult.Prepared, new NodeColumns(normalised[table], work.Aggregates, structure.IndicatorCount, logs[table]), aggregation, nominal, work);
                Ranker.Rank(work.Aggregates.Column(structure.Root - structure.IndicatorCount), ranks.AsSpan(run * units, units), work.Order);
                if (progress is not null)
                {
                    progress.Report(Interlocked.Increment(ref finished));
                }

                return work;
            },
            _ => { });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.FirstOrDefault() is DomainException domain)
        {
            throw new DomainException(domain.Message); // e.g. a geometric mean drawn over z-scores
        }

        return new SensitivityResult(options, Summarise(data, nominalResult.IndexRanks, ranks, options.Runs), nominalResult.Warnings);
    }

    private static void Replicate(IndexStructure structure, UnitData data, ColumnMatrix prepared, NodeColumns columns,
        AggregationMethod method, ScoringOptions nominal, Workspace work)
    {
        for (var node = structure.IndicatorCount; node < structure.NodeCount; node++)
        {
            if (method is AggregationMethod.Topsis or AggregationMethod.GreyRelational)
            {
                ScoringEngine.IndexMethod(structure, data, prepared, work.Weights, node, method, nominal, columns[node], work.Warnings);
            }
            else
            {
                TreeAggregator.WeightedMean(structure, columns, work.Weights, node, method, work.WeightSum, data.UnitCodes);
            }
        }
    }

    private static IReadOnlyList<UnitRankStatistics> Summarise(UnitData data, ReadOnlySpan<int> nominal, int[] ranks, int runs)
    {
        var units = data.UnitCount;
        var result = new UnitRankStatistics[units];
        var counts = new int[units + 1];
        for (var u = 0; u < units; u++)
        {
            Array.Clear(counts);
            double sum = 0, shift = 0;
            var scored = 0;
            for (var r = 0; r < runs; r++)
            {
                var rank = ranks[r * units + u];
                if (rank == 0)
                {
                    continue;
                }

                counts[rank]++;
                sum += rank;
                shift += Math.Abs(rank - nominal[u]);
                scored++;
            }

            result[u] = scored == 0
                ? new UnitRankStatistics(data.UnitCodes[u], nominal[u], double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
                : new UnitRankStatistics(data.UnitCodes[u], nominal[u], sum / scored,
                    Quantile(counts, scored, 0.5), Quantile(counts, scored, 0.05), Quantile(counts, scored, 0.95), shift / scored);
        }

        return result;
    }

    /// <summary>R's default (type 7) quantile of the ranks held as counts per rank.</summary>
    private static double Quantile(int[] counts, int total, double p)
    {
        var h = (total - 1) * p;
        var lower = (int)Math.Floor(h);
        return ValueAt(counts, lower) + (h - lower) * (ValueAt(counts, Math.Min(lower + 1, total - 1)) - ValueAt(counts, lower));
    }

    private static int ValueAt(int[] counts, int index)
    {
        var seen = 0;
        for (var rank = 1; rank < counts.Length; rank++)
        {
            seen += counts[rank];
            if (index < seen)
            {
                return rank;
            }
        }

        return counts.Length - 1;
    }

    private static void Validate(IndexStructure structure, SensitivityOptions options)
    {
        if (options.Runs is < 1 or > 1_000_000)
        {
            throw new DomainException($"The number of replications must be between 1 and 1000000 (got {options.Runs}).");
        }

        if (options.WeightNoise is < 0 or >= 1 || double.IsNaN(options.WeightNoise))
        {
            throw new DomainException($"The weight noise must be at least 0 and below 1, so that weights stay positive (got {options.WeightNoise}).");
        }

        foreach (var level in options.Levels ?? [])
        {
            if (level < 1 || level >= structure.MaxLevel)
            {
                throw new DomainException($"Level {level} has no weights to perturb: choose levels from 1 to {structure.MaxLevel - 1} (the top has no siblings).");
            }
        }
    }

    private sealed class Workspace(IndexStructure structure, int units)
    {
        public double[] Weights { get; } = new double[structure.NodeCount];

        public ColumnMatrix Aggregates { get; } = new(new double[units * (structure.NodeCount - structure.IndicatorCount)], units, structure.NodeCount - structure.IndicatorCount);

        public double[] WeightSum { get; } = new double[units];

        public int[] Order { get; } = new int[units];

        public List<string> Warnings { get; } = [];
    }
}
