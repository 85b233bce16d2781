namespace SmartCityIndex.Domain.Submissions;

/// <summary>One step in a submission's status history: who moved it from which status to which, when, and why.</summary>
public sealed class SubmissionEvent
{
    /// <summary>The longest comment of a decision (a return, an approval, a reopening), in UTF-16 code units.</summary>
    public const int MaxCommentLength = 4000;

    private SubmissionEvent()
    {
    }

    internal SubmissionEvent(string actor, DateTime at, SubmissionStatus from, SubmissionStatus to, string? comment)
    {
        Actor = Guard.Text(actor, "The actor", 256);
        At = Guard.Utc(at, "The event time");
        From = from;
        To = to;
        Comment = Guard.OptionalText(comment, "The comment", MaxCommentLength);
    }

    /// <summary>Database identity.</summary>
    public long Id { get; private set; }

    /// <summary>The submission.</summary>
    public int SubmissionId { get; private set; }

    /// <summary>Who made the change (user name).</summary>
    public string Actor { get; private set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>The status before.</summary>
    public SubmissionStatus From { get; private set; }

    /// <summary>The status after.</summary>
    public SubmissionStatus To { get; private set; }

    /// <summary>The overall comment (required when returning or reopening).</summary>
    public string? Comment { get; private set; }
}
