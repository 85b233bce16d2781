namespace SmartCityIndex.Domain.Submissions;

/// <summary>
/// One reported value of one indicator in a submission: a number, or "not available" with a reason, and an optional
/// note on its source.
/// </summary>
public sealed class IndicatorValue
{
    private IndicatorValue()
    {
    }

    internal IndicatorValue(int indicatorId)
    {
        IndicatorId = indicatorId;
    }

    /// <summary>Database identity.</summary>
    public long Id { get; private set; }

    /// <summary>The submission the value belongs to.</summary>
    public int SubmissionId { get; private set; }

    /// <summary>The indicator the value reports.</summary>
    public int IndicatorId { get; private set; }

    /// <summary>The reported value in the indicator's unit, or null when not (yet) given.</summary>
    public decimal? Value { get; private set; }

    /// <summary>True when the city states the value is not available.</summary>
    public bool NotAvailable { get; private set; }

    /// <summary>Why the value is not available; required when <see cref="NotAvailable"/> is true.</summary>
    public string? NotAvailableReason { get; private set; }

    /// <summary>A note on the value or its source (e.g. the statistical yearbook and table).</summary>
    public string? Note { get; private set; }

    /// <summary>The evaluator's comment on this value when the submission was last returned; cleared on approval.</summary>
    public string? ReviewComment { get; private set; }

    /// <summary>The longest note, in UTF-16 code units, as stored.</summary>
    public const int MaxNoteLength = 2000;

    /// <summary>The longest reason for "not available".</summary>
    public const int MaxReasonLength = 500;

    /// <summary>The longest review comment on a value.</summary>
    public const int MaxReviewCommentLength = 2000;

    /// <summary>True when a number or a justified "not available" has been given.</summary>
    public bool IsAnswered => Value.HasValue || NotAvailable;

    internal void Set(decimal? value, string? note)
    {
        Value = value;
        NotAvailable = false;
        NotAvailableReason = null;
        Note = Guard.OptionalText(note, "The note", MaxNoteLength);
    }

    internal void Review(string? comment) => ReviewComment = Guard.OptionalText(comment, "The review comment", MaxReviewCommentLength);

    internal void SetNotAvailable(string reason, string? note)
    {
        NotAvailableReason = Guard.Text(reason, "The reason a value is not available", MaxReasonLength);
        NotAvailable = true;
        Value = null;
        Note = Guard.OptionalText(note, "The note", MaxNoteLength);
    }
}
