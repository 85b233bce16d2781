namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>What the entry form needs from the database: opening, saving one value, submitting, and who changed a value last.</summary>
public interface IEntryStore
{
    Task<EntryForm?> OpenAsync(string cityCode, int year, CancellationToken ct = default);

    Task<SaveResult?> SaveValueAsync(int submissionId, EntryRow row, CancellationToken ct = default);

    Task<IReadOnlyList<SubmitProblem>?> SubmitAsync(int submissionId, CancellationToken ct = default);

    /// <summary>Of the indicators given, those whose value in the submission the signed-in person changed last; null when refused.</summary>
    Task<IReadOnlySet<string>?> ChangedLastByMeAsync(int submissionId, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct = default);
}
