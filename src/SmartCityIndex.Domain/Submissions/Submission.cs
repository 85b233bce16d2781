namespace SmartCityIndex.Domain.Submissions;

/// <summary>
/// A city's indicator values for one reporting period, and where they stand in the review workflow. There is one
/// submission per city and period. <see cref="ConcurrencyStamp"/> changes with every change, so that two people
/// saving the same submission cannot silently overwrite each other.
/// </summary>
public sealed class Submission
{
    private readonly List<IndicatorValue> _values = [];
    private readonly List<SubmissionEvent> _events = [];

    private Submission()
    {
    }

    /// <summary>Starts a draft submission for a city and period.</summary>
    public Submission(int cityId, int reportingPeriodId, DateTime utcNow)
    {
        CityId = cityId;
        ReportingPeriodId = reportingPeriodId;
        Status = SubmissionStatus.Draft;
        CreatedAt = Guard.Utc(utcNow, "The creation time");
        Touch(utcNow);
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>The reporting city.</summary>
    public int CityId { get; private set; }

    /// <summary>The reporting period.</summary>
    public int ReportingPeriodId { get; private set; }

    /// <summary>Draft, submitted, returned or approved.</summary>
    public SubmissionStatus Status { get; private set; }

    /// <summary>When the submission was started (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>When anything in it last changed (UTC).</summary>
    public DateTime UpdatedAt { get; private set; }

    /// <summary>When it was last submitted for review (UTC).</summary>
    public DateTime? SubmittedAt { get; private set; }

    /// <summary>When an evaluator last approved or returned it (UTC).</summary>
    public DateTime? ReviewedAt { get; private set; }

    /// <summary>Optimistic concurrency token: a new value on every change.</summary>
    public Guid ConcurrencyStamp { get; private set; }

    /// <summary>The reported values.</summary>
    public IReadOnlyCollection<IndicatorValue> Values => _values;

    /// <summary>The status history, oldest first.</summary>
    public IReadOnlyCollection<SubmissionEvent> Events => _events;

    /// <summary>True while officials may change values (draft or returned).</summary>
    public bool IsEditable => Status is SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>Records a value (or clears it with null) for an indicator.</summary>
    public IndicatorValue SetValue(int indicatorId, decimal? value, string? note, DateTime utcNow)
    {
        EnsureEditable();
        IndicatorValue.EnsureStorable(value);
        var entry = ValueFor(indicatorId);
        entry.Set(value, note);
        Touch(utcNow);
        return entry;
    }

    /// <summary>Records that an indicator's value is not available, with the reason.</summary>
    public IndicatorValue SetNotAvailable(int indicatorId, string reason, string? note, DateTime utcNow)
    {
        EnsureEditable();
        var entry = ValueFor(indicatorId);
        entry.SetNotAvailable(reason, note);
        Touch(utcNow);
        return entry;
    }

    /// <summary>Sends the submission for review; it becomes read-only for officials.</summary>
    public void Submit(string actor, DateTime utcNow)
    {
        EnsureEditable();
        SubmittedAt = Guard.Utc(utcNow, "The submission time");
        Move(SubmissionStatus.Submitted, actor, utcNow, null);
    }

    /// <summary>Accepts a submitted submission; it is then locked, and the review comments are cleared.</summary>
    public void Approve(string actor, DateTime utcNow, string? comment = null)
    {
        EnsureStatus(SubmissionStatus.Submitted, "approved");
        foreach (var value in _values)
        {
            value.Review(null);
        }

        ReviewedAt = Guard.Utc(utcNow, "The review time");
        Move(SubmissionStatus.Approved, actor, utcNow, comment);
    }

    /// <summary>
    /// Sends a submitted submission back to the city with an overall comment and, optionally, comments on single
    /// values (by indicator id), which the official sees next to the fields.
    /// </summary>
    public void Return(string actor, DateTime utcNow, string comment, IReadOnlyDictionary<int, string>? valueComments = null)
    {
        EnsureStatus(SubmissionStatus.Submitted, "returned");
        Guard.Text(comment, "The comment explaining why the submission is returned", SubmissionEvent.MaxCommentLength);
        foreach (var value in _values)
        {
            value.Review(null);
        }

        foreach (var (indicatorId, text) in valueComments ?? new Dictionary<int, string>())
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                ValueFor(indicatorId).Review(text);
            }
        }

        ReviewedAt = Guard.Utc(utcNow, "The review time");
        Move(SubmissionStatus.Returned, actor, utcNow, comment);
    }

    /// <summary>Unlocks an approved submission (an admin action, with a reason): it goes back to the city as returned.</summary>
    public void Reopen(string actor, DateTime utcNow, string reason)
    {
        EnsureStatus(SubmissionStatus.Approved, "reopened");
        Guard.Text(reason, "The reason for reopening", SubmissionEvent.MaxCommentLength);
        Move(SubmissionStatus.Returned, actor, utcNow, reason);
    }

    private void EnsureStatus(SubmissionStatus required, string verb)
    {
        if (Status != required)
        {
            throw new DomainException($"Only a {required.ToString().ToLowerInvariant()} submission can be {verb}; this one is {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private void Move(SubmissionStatus to, string actor, DateTime utcNow, string? comment)
    {
        _events.Add(new SubmissionEvent(actor, utcNow, Status, to, comment));
        Status = to;
        Touch(utcNow);
    }

    private IndicatorValue ValueFor(int indicatorId)
    {
        var entry = _values.FirstOrDefault(v => v.IndicatorId == indicatorId);
        if (entry is null)
        {
            entry = new IndicatorValue(indicatorId);
            _values.Add(entry);
        }

        return entry;
    }

    private void EnsureEditable()
    {
        if (!IsEditable)
        {
            throw new DomainException($"This submission is {Status.ToString().ToLowerInvariant()} and cannot be changed.");
        }
    }

    private void Touch(DateTime utcNow)
    {
        UpdatedAt = Guard.Utc(utcNow, "The change time");
        ConcurrencyStamp = Guid.NewGuid();
    }
}
