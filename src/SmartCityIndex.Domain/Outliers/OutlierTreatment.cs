namespace SmartCityIndex.Domain.Outliers;

/// <summary>Whether and how outliers are treated before normalisation.</summary>
public enum OutlierTreatment
{
    /// <summary>No treatment.</summary>
    None,

    /// <summary>
    /// COINr's default: while |skewness| ≥ 2 and kurtosis ≥ 3.5, replace the most extreme value on the side of the
    /// skew with the next one in, up to 5 points; if that does not fix it, log-transform the original values instead.
    /// </summary>
    Winsorise,
}

/// <summary>What the treatment did to one indicator.</summary>
/// <param name="Indicator">Indicator code.</param>
/// <param name="Action"><c>winsorised</c> or <c>log-transformed</c>.</param>
/// <param name="Points">Number of values winsorised (0 for a log transform).</param>
/// <param name="Units">Row numbers of the units whose values were changed.</param>
/// <param name="SkewBefore">Skewness before treatment.</param>
/// <param name="KurtosisBefore">Kurtosis before treatment.</param>
/// <param name="SkewAfter">Skewness after treatment.</param>
/// <param name="KurtosisAfter">Kurtosis after treatment.</param>
public sealed record TreatmentRecord(string Indicator, string Action, int Points, IReadOnlyList<int> Units,
    double SkewBefore, double KurtosisBefore, double SkewAfter, double KurtosisAfter);
