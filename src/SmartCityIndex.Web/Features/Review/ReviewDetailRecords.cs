namespace SmartCityIndex.Web.Features.Review;

/// <summary>A category of the framework with its indicators' values, in the framework's order.</summary>
public sealed record ReviewCategory(string Code, string NameEn, string NameZh, IReadOnlyList<ReviewValueRow> Rows);

/// <summary>A step in the status history.</summary>
public sealed record ReviewEvent(string Actor, DateTime At, SubmissionStatus From, SubmissionStatus To, string? Comment);

/// <summary>A value as it stood at one moment: a number, or not available with a reason, and the note.</summary>
public readonly record struct ReviewedValue(decimal? Value, bool NotAvailable, string? Reason, string? Note);

/// <summary>An evaluator's comment on one value when the submission was returned.</summary>
public sealed record EarlierComment(DateTime At, string Actor, string Text);
