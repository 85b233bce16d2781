using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>One line of "My submissions": a city and an open period, started or not.</summary>
public sealed record MySubmissionRow(
    string CityCode, string CityEn, string CityZh, int Year, SubmissionStatus? Status, int Answered, int Required,
    DateOnly ClosesOn, int DaysLeft, DateTime? UpdatedAt, bool HasReviewComments)
{
    /// <summary>Past the deadline and not yet submitted.</summary>
    public bool Overdue => DaysLeft < 0 && Status is null or SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>What needs doing first: returned, then drafts, then not started, then those waiting or done.</summary>
    public static int Urgency(SubmissionStatus? status) => status switch
    {
        SubmissionStatus.Returned => 0,
        SubmissionStatus.Draft => 1,
        null => 2,
        SubmissionStatus.Submitted => 3,
        _ => 4,
    };
}

/// <summary>What a value was when the form loaded it: a save compares against it to detect someone else's change.</summary>
public readonly record struct ValueSnapshot(decimal? Value, bool NotAvailable, string? Reason, string? Note)
{
    public static ValueSnapshot Of(IndicatorValue? value) =>
        value is null ? default : new(value.Value, value.NotAvailable, value.NotAvailableReason, value.Note);
}

/// <summary>The entry form of one submission.</summary>
public sealed class EntryForm
{
    public required int SubmissionId { get; init; }
    public required string CityCode { get; init; }
    public required string CityEn { get; init; }
    public required string CityZh { get; init; }
    public required int Year { get; init; }
    public required DateOnly ClosesOn { get; init; }
    public required SubmissionStatus Status { get; set; }
    public required DateTime UpdatedAt { get; set; }
    public string? ReturnComment { get; init; }
    public required IReadOnlyList<EntryCategory> Categories { get; init; }

    public bool IsEditable => Status is SubmissionStatus.Draft or SubmissionStatus.Returned;

    public IEnumerable<EntryRow> Rows => Categories.SelectMany(c => c.Rows);
}

/// <summary>A category of the form and its rows.</summary>
public sealed record EntryCategory(string Code, string NameEn, string NameZh, IReadOnlyList<EntryRow> Rows)
{
    public int Answered => Rows.Count(r => r.IsAnswered);
}

/// <summary>
/// One indicator in the form: what it is, last year's value, and the state of the input. Once the form is open, only
/// <see cref="EntryFormViewModel"/> changes it.
/// </summary>
public sealed class EntryRow
{
    /// <summary>A row showing its saved value in the inputs.</summary>
    public static EntryRow Of(Indicator indicator, ValueSnapshot saved, decimal? lastYear, string? reviewComment)
    {
        var row = new EntryRow
        {
            Indicator = indicator,
            LastYear = lastYear,
            ReviewComment = reviewComment,
            Saved = saved,
            Text = NumberInput.Format(saved.Value),
            NotAvailable = saved.NotAvailable,
            Reason = saved.Reason,
            Note = saved.Note,
        };
        row.Findings = row.CheckSaved();
        return row;
    }

    public required Indicator Indicator { get; init; }
    public decimal? LastYear { get; init; }
    public string? ReviewComment { get; set; }

    /// <summary>The value as saved (the base for conflict detection).</summary>
    public ValueSnapshot Saved { get; set; }

    /// <summary>What is in the input box now.</summary>
    public string Text { get; set; } = string.Empty;
    public bool NotAvailable { get; set; }
    public string? Reason { get; set; }
    public string? Note { get; set; }

    /// <summary>A message about the input that stops it being saved (not a number, outside the hard range, no reason).</summary>
    public string? Error { get; set; }

    /// <summary>Another person's saved value, when a save found it had changed meanwhile.</summary>
    public ValueSnapshot? Conflict { get; set; }
    public IReadOnlyList<ValueFinding> Findings { get; set; } = [];

    public bool IsAnswered => Saved.Value.HasValue || Saved.NotAvailable;
    public bool NeedsComment => Findings.Any(f => f.Severity == CheckSeverity.Warning) && string.IsNullOrWhiteSpace(Saved.Note);

    /// <summary>The warnings and errors of the saved value.</summary>
    public IReadOnlyList<ValueFinding> CheckSaved() => IsAnswered ? ValueCheck.Check(Indicator, Saved.Value, Saved.NotAvailable, LastYear) : [];

    /// <summary>A detached copy, for saving what the inputs hold now while typing goes on.</summary>
    public EntryRow Copy() => (EntryRow)MemberwiseClone();

    /// <summary>
    /// A short tag of the saved value (the page renders it on the row): the browser keeps it with the keys typed over
    /// that value, so that putting them back later can tell whether someone has saved another value meanwhile.
    /// </summary>
    public string SavedTag => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(
        FormattableString.Invariant($"{Saved.Value}\u001f{Saved.NotAvailable}\u001f{Saved.Reason}\u001f{Saved.Note}"))), 0, 8);

    /// <summary>True when the inputs say what is saved (whatever the way the number is written).</summary>
    public bool HoldsSaved()
    {
        static string Clean(string? text) => text?.Trim() ?? string.Empty;
        return NotAvailable == Saved.NotAvailable && Clean(Note) == Clean(Saved.Note) &&
            (NotAvailable ? Clean(Reason) == Clean(Saved.Reason)
                : NumberInput.TryParse(Text, out var value) ? value == Saved.Value : string.IsNullOrWhiteSpace(Text) && Saved.Value is null);
    }

    /// <summary>True when the inputs hold what <paramref name="other"/>'s hold.</summary>
    public bool HasSameInputAs(EntryRow other) =>
        Text == other.Text && NotAvailable == other.NotAvailable && Reason == other.Reason && Note == other.Note;
}

/// <summary>The outcome of saving one value.</summary>
public abstract record SaveResult
{
    public sealed record Saved(DateTime At, ValueSnapshot Value) : SaveResult;

    public sealed record Invalid(string Message) : SaveResult;

    public sealed record ConflictWith(ValueSnapshot Theirs, DateTime At) : SaveResult;

    public sealed record Locked(SubmissionStatus Status) : SaveResult;
}

/// <summary>Why a submission cannot be sent yet: one line per indicator.</summary>
public sealed record SubmitProblem(string IndicatorCode, string Problem);
