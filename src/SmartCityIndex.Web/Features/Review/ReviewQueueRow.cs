namespace SmartCityIndex.Web.Features.Review;

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
