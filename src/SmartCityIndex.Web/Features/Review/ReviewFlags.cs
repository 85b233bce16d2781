using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Web.Features.Review;

/// <summary>The flags of one value: the domain's value check against last year's approved value, and the outlier test.</summary>
public static class ReviewFlags
{
    public static IReadOnlyList<ReviewFlag> For(Indicator indicator, decimal? value, bool notAvailable, decimal? lastYear, IndicatorSpread spread)
    {
        if (value is not { } v)
        {
            return [];
        }

        var flags = new List<ReviewFlag>(2);
        foreach (var finding in ValueCheck.Check(indicator, v, notAvailable, lastYear))
        {
            var isWarning = finding.Severity == CheckSeverity.Warning;
            flags.Add(finding.Kind switch
            {
                CheckKind.OutsideHardRange => new ReviewFlag(ReviewFlagKind.OutsideHardRange, isWarning, finding.Low, finding.High),
                CheckKind.OutsidePlausibleRange => new ReviewFlag(ReviewFlagKind.OutsidePlausibleRange, isWarning, finding.Low, finding.High),
                CheckKind.LargeChange => new ReviewFlag(ReviewFlagKind.LargeChange, isWarning, ChangeRatio: finding.ChangeRatio),
                _ => throw new InvalidOperationException($"A value that is given cannot be {finding.Kind}."),
            });
        }

        if (spread.OutlierZOf(indicator.Id, v) is { } z)
        {
            flags.Add(new ReviewFlag(ReviewFlagKind.Outlier, IsWarning: false, Z: z));
        }

        return flags;
    }
}
