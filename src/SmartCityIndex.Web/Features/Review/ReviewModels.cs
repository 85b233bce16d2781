using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Web.Features.Review;

/// <summary>What the queue shows: the submissions of one period, filtered by province, status and a search text.</summary>
/// <param name="PeriodId">The period; null for the latest open period (or the latest period when none is open).</param>
/// <param name="ProvinceEn">The province (English name, as stored); null for every province.</param>
/// <param name="Status">The status; null for every status.</param>
/// <param name="Search">Part of a city's code or name, in either language.</param>
public sealed record ReviewQueueFilter(int? PeriodId = null, string? ProvinceEn = null, SubmissionStatus? Status = SubmissionStatus.Submitted, string? Search = null);

/// <summary>The queue for one period, with what the filters can choose from.</summary>
public sealed record ReviewQueue(
    int? PeriodId,
    int? Year,
    IReadOnlyList<PeriodOption> Periods,
    IReadOnlyList<ProvinceOption> Provinces,
    IReadOnlyList<ReviewQueueRow> Rows,
    IReadOnlyDictionary<SubmissionStatus, int> StatusCounts)
{
    public static readonly ReviewQueue Empty = new(null, null, [], [], [], new Dictionary<SubmissionStatus, int>());
}

/// <summary>A reporting period in the period filter.</summary>
public sealed record PeriodOption(int Id, int Year, bool IsOpen);

/// <summary>A province in the province filter.</summary>
public sealed record ProvinceOption(string NameEn, string NameZh);

/// <summary>
/// One submission in the queue. <see cref="Warnings"/> counts the value check's warnings (outside the plausible range,
/// more than 50 % away from last year's approved value); <see cref="LargeChanges"/> the second kind alone;
/// <see cref="Outliers"/> the values more than three standard deviations from the period's mean for their indicator.
/// </summary>
public sealed record ReviewQueueRow(
    int SubmissionId,
    string CityCode,
    string CityEn,
    string CityZh,
    string ProvinceEn,
    string ProvinceZh,
    SubmissionStatus Status,
    DateTime? SubmittedAt,
    int Answered,
    int Indicators,
    int Warnings,
    int LargeChanges,
    int Outliers)
{
    /// <summary>Answered share, 0 to 1, for sorting and the progress bar.</summary>
    public double Completeness => Indicators == 0 ? 0 : (double)Answered / Indicators;

    /// <summary>True when the code or either name contains <paramref name="text"/> (case-insensitive).</summary>
    public bool Matches(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || new[] { CityCode, CityEn, CityZh }.Any(v => v.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Everything the review page shows of one submission.</summary>
public sealed record ReviewDetail(
    int SubmissionId,
    string CityCode,
    string CityEn,
    string CityZh,
    string ProvinceEn,
    string ProvinceZh,
    int Year,
    SubmissionStatus Status,
    DateTime? SubmittedAt,
    DateTime? ReviewedAt,
    Guid ConcurrencyStamp,
    IReadOnlyList<ReviewCategory> Categories,
    IReadOnlyList<ReviewEvent> History,
    bool CanDecide,
    bool CanReopen)
{
    public IEnumerable<ReviewValueRow> Rows => Categories.SelectMany(c => c.Rows);

    public int Answered => Rows.Count(r => r.IsAnswered);

    public int Total => Rows.Count();
}

/// <summary>A category of the framework with its indicators' values, in the framework's order.</summary>
public sealed record ReviewCategory(string Code, string NameEn, string NameZh, IReadOnlyList<ReviewValueRow> Rows);

/// <summary>One indicator's value as the official reported it, with last year's approved value and the flags.</summary>
public sealed record ReviewValueRow(
    int IndicatorId,
    string Code,
    string NameEn,
    string NameZh,
    string Unit,
    decimal? Value,
    bool NotAvailable,
    string? NotAvailableReason,
    string? Note,
    string? ReviewComment,
    decimal? LastYear,
    IReadOnlyList<ReviewFlag> Flags)
{
    public bool IsAnswered => Value.HasValue || NotAvailable;
}

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

/// <summary>A step in the status history.</summary>
public sealed record ReviewEvent(string Actor, DateTime At, SubmissionStatus From, SubmissionStatus To, string? Comment);

/// <summary>How a decision (approve, return, reopen) ended.</summary>
public enum ReviewOutcome
{
    /// <summary>Saved.</summary>
    Done,

    /// <summary>No such submission, or the caller may not review at all: nothing is said about which.</summary>
    NotFound,

    /// <summary>The caller may review but not do this (reopening is for admins).</summary>
    NotAllowed,

    /// <summary>Someone changed the submission since the caller loaded it; nothing was saved.</summary>
    Conflict,

    /// <summary>A required comment or reason is missing.</summary>
    CommentRequired,

    /// <summary>The submission is not in a status that allows this decision.</summary>
    WrongStatus,
}
