using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Normalisation;

namespace SmartCityIndex.Domain.Sensitivity;

/// <summary>
/// The Monte Carlo set-up of an uncertainty analysis: how many replications, how much each weight may move, and
/// which alternative methods are drawn. In each replication every weight at the chosen levels is multiplied by
/// 1 + U(−noise, +noise), and one aggregation and one normalisation method are drawn with equal probability.
/// </summary>
public sealed record SensitivityOptions
{
    /// <summary>Number of replications (1 to 1 000 000).</summary>
    public int Runs { get; init; } = 1000;

    /// <summary>The half-width n of the uniform weight perturbation U(−n, n), 0 to less than 1.</summary>
    public double WeightNoise { get; init; } = 0.25;

    /// <summary>Levels whose node weights are perturbed (1 = indicators); default every level below the top.</summary>
    public IReadOnlyList<int>? Levels { get; init; }

    /// <summary>Aggregation methods to draw from; default the nominal one only.</summary>
    public IReadOnlyList<AggregationMethod>? AggregationAlternatives { get; init; }

    /// <summary>Normalisation methods to draw from; default the nominal one only.</summary>
    public IReadOnlyList<NormalisationMethod>? NormalisationAlternatives { get; init; }

    /// <summary>The seed: the same seed gives the same result, whatever the number of threads.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Threads to use; default all cores.</summary>
    public int? MaxDegreeOfParallelism { get; init; }
}

/// <summary>How one unit's index rank varied over the replications.</summary>
/// <param name="UnitCode">The unit.</param>
/// <param name="NominalRank">Its rank with the nominal weights and methods (0 = no score).</param>
/// <param name="MeanRank">Mean rank over the replications.</param>
/// <param name="MedianRank">Median rank.</param>
/// <param name="Q5">5th percentile of the rank (R's type 7 quantile, as COINr).</param>
/// <param name="Q95">95th percentile of the rank.</param>
/// <param name="MeanAbsoluteShift">Mean of |rank − nominal rank|.</param>
public sealed record UnitRankStatistics(string UnitCode, int NominalRank, double MeanRank, double MedianRank, double Q5, double Q95, double MeanAbsoluteShift);

/// <summary>The outcome of an uncertainty analysis.</summary>
/// <param name="Options">The set-up used.</param>
/// <param name="Units">Per unit, in input order.</param>
/// <param name="Warnings">What the nominal run had to say.</param>
public sealed record SensitivityResult(SensitivityOptions Options, IReadOnlyList<UnitRankStatistics> Units, IReadOnlyList<string> Warnings);
