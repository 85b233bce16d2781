using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Domain.Submissions;

/// <summary>How serious a finding about an entered value is.</summary>
public enum CheckSeverity
{
    /// <summary>Needs a comment (the value's note) before the submission can be sent.</summary>
    Warning,

    /// <summary>Must be fixed: the submission cannot be sent with it.</summary>
    Error,
}

/// <summary>What is wrong with a value, in a form that each page can put into words in its language.</summary>
public enum CheckKind
{
    /// <summary>Outside the hard (physically possible) range.</summary>
    OutsideHardRange,

    /// <summary>Outside the plausible range.</summary>
    OutsidePlausibleRange,

    /// <summary>More than 50 % away from last year's value.</summary>
    LargeChange,

    /// <summary>Neither a number nor "not available".</summary>
    Missing,
}

/// <summary>One finding, with the numbers that explain it.</summary>
public sealed record ValueFinding(CheckKind Kind, CheckSeverity Severity, decimal? Low = null, decimal? High = null, decimal? Previous = null, decimal? ChangeRatio = null);

/// <summary>
/// The checks an entered value goes through, as DHIS2 does them: outside the hard range is an error; outside the
/// plausible range, or more than 50 % away from last year's value, is a warning that needs a comment.
/// </summary>
public static class ValueCheck
{
    /// <summary>A change of more than this share of last year's value is flagged.</summary>
    public const decimal LargeChangeShare = 0.5m;

    /// <summary>The findings for one value (empty when all is well); <paramref name="lastYear"/> is the approved value of the year before.</summary>
    public static IReadOnlyList<ValueFinding> Check(Indicator indicator, decimal? value, bool notAvailable, decimal? lastYear)
    {
        if (value is not { } v)
        {
            return notAvailable ? [] : [new ValueFinding(CheckKind.Missing, CheckSeverity.Error)];
        }

        var findings = new List<ValueFinding>(2);
        if (indicator.HardRange is { } hard && !hard.Contains(v))
        {
            findings.Add(new ValueFinding(CheckKind.OutsideHardRange, CheckSeverity.Error, hard.Min, hard.Max));
            return findings;
        }

        if (indicator.PlausibleRange is { } plausible && !plausible.Contains(v))
        {
            findings.Add(new ValueFinding(CheckKind.OutsidePlausibleRange, CheckSeverity.Warning, plausible.Min, plausible.Max));
        }

        if (lastYear is { } previous && previous != 0 && Math.Abs(v - previous) / Math.Abs(previous) > LargeChangeShare)
        {
            findings.Add(new ValueFinding(CheckKind.LargeChange, CheckSeverity.Warning, Previous: previous, ChangeRatio: (v - previous) / Math.Abs(previous)));
        }

        return findings;
    }
}
