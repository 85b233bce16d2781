namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>What the entry form needs from the database: opening, saving one value, submitting.</summary>
public interface IEntryStore
{
    Task<EntryForm?> OpenAsync(string cityCode, int year, CancellationToken ct = default);

    Task<SaveResult?> SaveValueAsync(int submissionId, EntryRow row, CancellationToken ct = default);

    Task<IReadOnlyList<SubmitProblem>?> SubmitAsync(int submissionId, CancellationToken ct = default);
}
