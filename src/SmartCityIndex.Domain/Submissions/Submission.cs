namespace SmartCityIndex.Domain.Submissions;

/// <summary>
/// A city's indicator values for one reporting period, and where they stand in the review workflow. There is one
/// submission per city and period. <see cref="ConcurrencyStamp"/> changes with every change, so that two people
/// saving the same submission cannot silently overwrite each other.
/// </summary>
public sealed class Submission
{
    private readonly List<IndicatorValue> _values = [];

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

    /// <summary>True while officials may change values (draft or returned).</summary>
    public bool IsEditable => Status is SubmissionStatus.Draft or SubmissionStatus.Returned;

    /// <summary>Records a value (or clears it with null) for an indicator.</summary>
    public IndicatorValue SetValue(int indicatorId, decimal? value, string? note, DateTime utcNow)
    {
        EnsureEditable();
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

    /// <summary>Sends the submission for review.</summary>
    public void Submit(DateTime utcNow)
    {
        EnsureEditable();
        Status = SubmissionStatus.Submitted;
        SubmittedAt = Guard.Utc(utcNow, "The submission time");
        Touch(utcNow);
    }

    /// <summary>Accepts a submitted submission; it is then locked.</summary>
    public void Approve(DateTime utcNow) => Review(SubmissionStatus.Approved, utcNow);

    /// <summary>Sends a submitted submission back to the city for corrections.</summary>
    public void Return(DateTime utcNow) => Review(SubmissionStatus.Returned, utcNow);

    /// <summary>Unlocks an approved submission (an admin action): it goes back to the city as returned.</summary>
    public void Reopen(DateTime utcNow)
    {
        if (Status != SubmissionStatus.Approved)
        {
            throw new DomainException($"Only an approved submission can be reopened; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = SubmissionStatus.Returned;
        Touch(utcNow);
    }

    private void Review(SubmissionStatus outcome, DateTime utcNow)
    {
        if (Status != SubmissionStatus.Submitted)
        {
            throw new DomainException($"Only a submitted submission can be reviewed; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = outcome;
        ReviewedAt = Guard.Utc(utcNow, "The review time");
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
