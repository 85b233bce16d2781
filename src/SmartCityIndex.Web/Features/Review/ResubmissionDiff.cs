using System.Text.Json;
using SmartCityIndex.Domain.Auditing;

namespace SmartCityIndex.Web.Features.Review;

/// <summary>
/// What a submission looked like at its last return, read back from the audit trail: every change of a value after
/// the return is audited with its old value, so the old value of the first change is the value at the return, and a
/// value without a change since is as it was. The value comments of each return are in that return's audit entry.
/// There is a diff only when the city submitted again after the last return.
/// </summary>
public sealed class ResubmissionDiff
{
    private readonly Dictionary<string, ReviewedValue> _atReturn;
    private readonly ILookup<string, EarlierComment> _comments;

    private ResubmissionDiff(DateTime? returnedAt, Dictionary<string, ReviewedValue> atReturn, ILookup<string, EarlierComment> comments)
    {
        ReturnedAt = returnedAt;
        _atReturn = atReturn;
        _comments = comments;
    }

    /// <summary>When the submission was last returned, if it has been submitted again since; else null (no diff).</summary>
    public DateTime? ReturnedAt { get; }

    /// <summary>
    /// Reads the diff from the submission's status history (oldest first) and its audit entries: the value changes
    /// (<c>IndicatorValue</c> "<c>{submission}/{code}</c>") and the decisions (<c>Submission</c>), in the order they were
    /// written (by id once saved).
    /// </summary>
    public static ResubmissionDiff From(IReadOnlyList<ReviewEvent> history, IEnumerable<AuditEntry> audit)
    {
        var entries = audit.OrderBy(a => a.Id).ToList();
        var decisions = entries.Where(a => a.EntityType == nameof(Submission)).ToList();
        var comments = decisions
            .Where(a => a.Action == "Returned")
            .SelectMany(a => ValueComments(a.NewValues).Select(c => (c.Code, Comment: new EarlierComment(a.At, a.UserName, c.Text))))
            .ToLookup(c => c.Code, c => c.Comment, StringComparer.Ordinal);

        var lastReturn = history.Select((e, i) => (Event: e, Index: i)).LastOrDefault(e => e.Event.To == SubmissionStatus.Returned);
        var resubmitted = lastReturn.Event is not null && history.Skip(lastReturn.Index + 1).Any(e => e.To == SubmissionStatus.Submitted);
        if (!resubmitted)
        {
            return new ResubmissionDiff(null, [], comments);
        }

        var returnedAt = lastReturn.Event!.At;
        // The return's own audit entry orders it among the value changes exactly; without one (a return made outside
        // the portal), its time does.
        var anchor = entries.FindLastIndex(a => a.EntityType == nameof(Submission) && a.Action is "Returned" or "Reopened" && a.At == returnedAt);
        var atReturn = new Dictionary<string, ReviewedValue>(StringComparer.Ordinal);
        foreach (var change in entries.Where((a, i) => a.EntityType == nameof(IndicatorValue) && (anchor < 0 ? a.At >= returnedAt : i > anchor)))
        {
            var code = change.EntityId[(change.EntityId.IndexOf('/') + 1)..];
            atReturn.TryAdd(code, Value(change.OldValues));
        }

        return new ResubmissionDiff(returnedAt, atReturn, comments);
    }

    /// <summary>The value at the return, given the value now; null when there is no diff.</summary>
    public ReviewedValue? AtReturn(string code, ReviewedValue now) => ReturnedAt is null ? null : _atReturn.GetValueOrDefault(code, now);

    /// <summary>The comments on the value at every return, oldest first.</summary>
    public IReadOnlyList<EarlierComment> CommentsOn(string code) => [.. _comments[code]];

    /// <summary>An audited value: <c>{"value":…,"notAvailable":…,"reason":…,"note":…}</c>, as the form and the import write it.</summary>
    private static ReviewedValue Value(string? json)
    {
        if (json is null)
        {
            return default;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return new ReviewedValue(
            root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDecimal() : null,
            root.TryGetProperty("notAvailable", out var na) && na.ValueKind == JsonValueKind.True,
            Text("reason"),
            Text("note"));
    }

    /// <summary>The value comments of a return's audit entry: <c>{"details":{"valueComments":{"INF01":"…"}}}</c>.</summary>
    private static IEnumerable<(string Code, string Text)> ValueComments(string? json)
    {
        if (json is null)
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("details", out var details) || details.ValueKind != JsonValueKind.Object
            || !details.TryGetProperty("valueComments", out var byCode) || byCode.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        return [.. byCode.EnumerateObject().Where(c => c.Value.ValueKind == JsonValueKind.String).Select(c => (c.Name, c.Value.GetString()!))];
    }
}
