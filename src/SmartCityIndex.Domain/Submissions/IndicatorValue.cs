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

    /// <summary>
    /// The decimal places a value keeps: the same in PostgreSQL (<c>numeric(20, 6)</c>), SQLite and the audit trail,
    /// so a value reads back as it was typed whichever database holds it.
    /// </summary>
    public const int MaxDecimals = 6;

    /// <summary>The largest value in size that fits <c>numeric(20, 6)</c>: 14 digits before the decimal mark.</summary>
    public const decimal MaxMagnitude = 99_999_999_999_999.999999m;

    /// <summary>True when a value fits what is stored: at most <see cref="MaxDecimals"/> places and <see cref="MaxMagnitude"/> in size.</summary>
    public static bool IsStorable(decimal value) => Math.Abs(value) <= MaxMagnitude && decimal.Round(value, MaxDecimals) == value;

    /// <summary>True when a number or a justified "not available" has been given.</summary>
    public bool IsAnswered => Value.HasValue || NotAvailable;

    internal static void EnsureStorable(decimal? value)
    {
        if (value is { } number && !IsStorable(number))
        {
            throw new DomainException($"The value {number.ToString(System.Globalization.CultureInfo.InvariantCulture)} cannot be kept as given: " +
                $"at most {MaxDecimals} decimal places and {MaxMagnitude.ToString(System.Globalization.CultureInfo.InvariantCulture)} in size.");
        }
    }

    internal void Set(decimal? value, string? note)
    {
        EnsureStorable(value);
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
