namespace SmartCityIndex.Web.Features.Review;

/// <summary>
/// Everything the review page shows of one submission. <see cref="ReturnedAt"/> is the last return when the city has
/// submitted again since: the rows then carry their value at that return, so that the evaluator sees what changed.
/// </summary>
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
    bool CanReopen,
    DateTime? ReturnedAt = null)
{
    public IEnumerable<ReviewValueRow> Rows => Categories.SelectMany(c => c.Rows);

    public int Answered => Rows.Count(r => r.IsAnswered);

    public int Total => Rows.Count();

    /// <summary>True when the submission was returned and submitted again, so that there is a diff to show.</summary>
    public bool IsResubmission => ReturnedAt.HasValue;

    /// <summary>How many values (number, not-available, reason or note) differ from what they were at the return.</summary>
    public int ChangedSinceReturn => Rows.Count(r => r.ChangedSinceReturn);

    /// <summary>The categories to show: all of them, or with <paramref name="changedOnly"/> only the changed rows (and their categories).</summary>
    public IReadOnlyList<ReviewCategory> Shown(bool changedOnly) => !changedOnly
        ? Categories
        : [.. Categories.Select(c => c with { Rows = [.. c.Rows.Where(r => r.ChangedSinceReturn)] }).Where(c => c.Rows.Count > 0)];
}
