using System.Globalization;
using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Imputation;
using SmartCityIndex.Domain.Normalisation;
using SmartCityIndex.Domain.Outliers;
using SmartCityIndex.Domain.Weighting;

namespace SmartCityIndex.Cli.Input;

/// <summary>
/// The words the command line accepts for the engine's settings, and the parsers of the options that carry more than
/// a word. Numbers are read in the invariant culture (a dot for decimals) whatever the machine's language.
/// </summary>
internal static class OptionValues
{
    /// <summary>Values of --normalise.</summary>
    public static readonly string[] Normalisations = ["minmax", "zscore", "rank", "goalposts"];

    /// <summary>Values of --aggregate.</summary>
    public static readonly string[] Aggregations = ["arithmetic", "geometric", "harmonic", "topsis", "gra"];

    /// <summary>Values of --topsis-normalise.</summary>
    public static readonly string[] TopsisNormalisations = ["vector", "minmax"];

    /// <summary>Values of --treat.</summary>
    public static readonly string[] Treatments = ["none", "winsorise"];

    /// <summary>Values of --prepare.</summary>
    public static readonly string[] Preparations = ["minmax", "raw"];

    /// <summary>The normalisation method named by a value of --normalise.</summary>
    public static NormalisationMethod Normalisation(string value) => value switch
    {
        "zscore" => NormalisationMethod.ZScore,
        "rank" => NormalisationMethod.Rank,
        "goalposts" => NormalisationMethod.Goalposts,
        _ => NormalisationMethod.MinMax,
    };

    /// <summary>The aggregation method named by a value of --aggregate.</summary>
    public static AggregationMethod Aggregation(string value) => value switch
    {
        "geometric" => AggregationMethod.Geometric,
        "harmonic" => AggregationMethod.Harmonic,
        "topsis" => AggregationMethod.Topsis,
        "gra" => AggregationMethod.GreyRelational,
        _ => AggregationMethod.Arithmetic,
    };

    /// <summary>The TOPSIS normalisation named by a value of --topsis-normalise.</summary>
    public static TopsisNormalisation TopsisNormalisation(string value) =>
        value == "minmax" ? Domain.Aggregation.TopsisNormalisation.MinMax : Domain.Aggregation.TopsisNormalisation.Vector;

    /// <summary>The outlier treatment named by a value of --treat.</summary>
    public static OutlierTreatment Treatment(string value) => value == "winsorise" ? OutlierTreatment.Winsorise : OutlierTreatment.None;

    /// <summary>The entropy preparation named by a value of --prepare.</summary>
    public static EntropyPreparation Preparation(string value) => value == "raw" ? EntropyPreparation.Raw : EntropyPreparation.MinMax;

    /// <summary>
    /// Reads --range: two numbers separated by a comma, low end first, such as <c>1,100</c>. Returns null and sets
    /// <paramref name="error"/> when the text is anything else.
    /// </summary>
    public static (double Low, double High)? TryParseRange(string text, out string? error)
    {
        error = null;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma < 0 || text.IndexOf(',', comma + 1) >= 0
            || !TryNumber(text.AsSpan(0, comma), out var low) || !TryNumber(text.AsSpan(comma + 1), out var high))
        {
            error = $"--range must be two numbers separated by a comma, low end first, such as 0,100 or 1,100 (got '{text}').";
            return null;
        }

        if (low >= high)
        {
            error = $"--range must have its low end below its high end (got '{text}'); write it low first, such as 1,100.";
            return null;
        }

        return (low, high);
    }

    /// <summary>
    /// Reads --impute: <c>none</c>, <c>mean</c>, <c>median</c>, <c>group-mean:COLUMN</c> or
    /// <c>group-median:COLUMN</c>. Returns null and sets <paramref name="error"/> for anything else.
    /// </summary>
    public static ImputationOptions? TryParseImputation(string text, out string? error)
    {
        error = null;
        switch (text)
        {
            case "none":
                return ImputationOptions.None;
            case "mean":
                return new ImputationOptions(ImputationMethod.Mean);
            case "median":
                return new ImputationOptions(ImputationMethod.Median);
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        var method = colon < 0 ? text : text[..colon];
        var column = colon < 0 ? string.Empty : text[(colon + 1)..].Trim();
        if (method is "group-mean" or "group-median" && column.Length > 0)
        {
            return new ImputationOptions(method == "group-mean" ? ImputationMethod.Mean : ImputationMethod.Median, column);
        }

        error = method is "group-mean" or "group-median"
            ? $"--impute {method} needs the group column after a colon, such as {method}:Region (got '{text}')."
            : $"--impute must be none, mean, median, group-mean:COLUMN or group-median:COLUMN (got '{text}').";
        return null;
    }

    /// <summary>Reads a number with a dot for decimals, whatever the culture.</summary>
    public static bool TryNumber(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
