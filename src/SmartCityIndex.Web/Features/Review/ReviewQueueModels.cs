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
