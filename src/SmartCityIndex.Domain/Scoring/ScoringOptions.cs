using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Imputation;
using SmartCityIndex.Domain.Normalisation;
using SmartCityIndex.Domain.Outliers;

namespace SmartCityIndex.Domain.Scoring;

/// <summary>How to turn raw values into scores. The defaults are COINr's: min-max to [0, 100], weighted arithmetic mean.</summary>
public sealed record ScoringOptions
{
    /// <summary>How indicators are brought to a common scale.</summary>
    public NormalisationMethod Normalisation { get; init; } = NormalisationMethod.MinMax;

    /// <summary>Per-indicator override of <see cref="Normalisation"/>, by indicator code.</summary>
    public IReadOnlyDictionary<string, NormalisationMethod>? NormalisationOverrides { get; init; }

    /// <summary>Target range of min-max, rank and goalpost normalisation.</summary>
    public double RangeLow { get; init; }

    /// <summary>Target range of min-max, rank and goalpost normalisation.</summary>
    public double RangeHigh { get; init; } = 100;

    /// <summary>How children are combined into their aggregate.</summary>
    public AggregationMethod Aggregation { get; init; } = AggregationMethod.Arithmetic;

    /// <summary>Per-level override of <see cref="Aggregation"/>: level (2 and up) to method.</summary>
    public IReadOnlyDictionary<int, AggregationMethod>? AggregationByLevel { get; init; }

    /// <summary>TOPSIS's own normalisation of the raw data.</summary>
    public TopsisNormalisation TopsisNormalisation { get; init; } = TopsisNormalisation.Vector;

    /// <summary>Grey relational analysis's distinguishing coefficient ζ, in (0, 1].</summary>
    public double GraZeta { get; init; } = 0.5;

    /// <summary>What to do with missing values before normalising.</summary>
    public ImputationOptions Imputation { get; init; } = ImputationOptions.None;

    /// <summary>Outlier treatment before normalising.</summary>
    public OutlierTreatment Treatment { get; init; } = OutlierTreatment.None;

    /// <summary>Indicator codes exempt from outlier treatment.</summary>
    public IReadOnlySet<string>? TreatmentExempt { get; init; }

    /// <summary>
    /// Minimum share (0 to 1) of an aggregate's indicators a unit must have data for to get a score for it; below
    /// that the aggregate is missing for the unit, with a warning. 0 = any data at all.
    /// </summary>
    public double CoverageThreshold { get; init; }

    /// <summary>Weights by node code, overriding the structure's own.</summary>
    public IReadOnlyDictionary<string, double>? Weights { get; init; }

    /// <summary>Checks the options that do not depend on the data.</summary>
    public void Validate()
    {
        if (!double.IsFinite(RangeLow) || !double.IsFinite(RangeHigh) || RangeLow >= RangeHigh)
        {
            throw new DomainException($"The normalisation range must have a low end below its high end (got {RangeLow}, {RangeHigh}).");
        }

        if (GraZeta is <= 0 or > 1 || double.IsNaN(GraZeta))
        {
            throw new DomainException($"The grey relational coefficient ζ must be in (0, 1] (got {GraZeta}).");
        }

        if (CoverageThreshold is < 0 or > 1 || double.IsNaN(CoverageThreshold))
        {
            throw new DomainException($"The coverage threshold must be between 0 and 1 (got {CoverageThreshold}).");
        }
    }
}
