namespace SmartCityIndex.Web.Features.Review;

/// <summary>What the review page flags about a value.</summary>
public enum ReviewFlagKind
{
    /// <summary>Outside the hard range (should not get through submission, but shown if it does).</summary>
    OutsideHardRange,

    /// <summary>Outside the plausible range.</summary>
    OutsidePlausibleRange,

    /// <summary>More than 50 % away from last year's approved value.</summary>
    LargeChange,

    /// <summary>More than three standard deviations from the period's mean for the indicator.</summary>
    Outlier,
}

/// <summary>
/// A flag with the numbers that explain it: the range for range flags, the change ratio, or the z-score.
/// <see cref="IsWarning"/> is true for the value check's findings of severity warning.
/// </summary>
public sealed record ReviewFlag(ReviewFlagKind Kind, bool IsWarning, decimal? Low = null, decimal? High = null, decimal? ChangeRatio = null, double? Z = null);
