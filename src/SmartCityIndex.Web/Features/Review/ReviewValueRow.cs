namespace SmartCityIndex.Web.Features.Review;

/// <summary>
/// One indicator's value as the official reported it, with last year's approved value and the flags. After a
/// resubmission <see cref="AtReturn"/> is the value as it stood at the return; <see cref="EarlierComments"/> are the
/// evaluators' comments on this value at the returns so far, oldest first.
/// </summary>
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
    IReadOnlyList<ReviewFlag> Flags,
    ReviewedValue? AtReturn = null,
    IReadOnlyList<EarlierComment>? EarlierComments = null)
{
    public bool IsAnswered => Value.HasValue || NotAvailable;

    /// <summary>The value as it stands now.</summary>
    public ReviewedValue Current => new(Value, NotAvailable, NotAvailableReason, Note);

    /// <summary>True when anything of the value differs from the return.</summary>
    public bool ChangedSinceReturn => AtReturn is { } before && before != Current;

    /// <summary>True when the number or its not-available state differs from the return.</summary>
    public bool ValueChangedSinceReturn => AtReturn is { } before && (before.Value != Value || before.NotAvailable != NotAvailable);

    /// <summary>True when the note or the not-available reason differs from the return.</summary>
    public bool NoteChangedSinceReturn => AtReturn is { } before && (before.Note != Note || before.Reason != NotAvailableReason);

    public IReadOnlyList<EarlierComment> Comments => EarlierComments ?? [];
}
