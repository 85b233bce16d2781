using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Domain.Periods;

/// <summary>Whether cities can still submit data for a period.</summary>
public enum PeriodStatus
{
    /// <summary>Accepting submissions.</summary>
    Open = 0,

    /// <summary>No longer accepting submissions.</summary>
    Closed = 1,
}

/// <summary>
/// A reporting year: the data cities report for <see cref="Year"/>, collected with one framework version between
/// <see cref="OpensOn"/> and <see cref="ClosesOn"/>.
/// </summary>
public sealed class ReportingPeriod
{
    private ReportingPeriod()
    {
    }

    /// <summary>Creates an open period for a published framework version.</summary>
    public ReportingPeriod(int year, IndicatorFramework framework, DateOnly opensOn, DateOnly closesOn)
    {
        if (year is < 1990 or > 2100)
        {
            throw new DomainException($"The reporting year must be between 1990 and 2100 (got {year}).");
        }

        if (framework.Status != FrameworkStatus.Published)
        {
            throw new DomainException($"A reporting period needs a published framework; {framework.Name} v{framework.Version} is {framework.Status}.");
        }

        Year = year;
        Framework = framework;
        Reschedule(opensOn, closesOn);
        Status = PeriodStatus.Open;
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>The year the data describe; unique.</summary>
    public int Year { get; private set; }

    /// <summary>The framework version the period collects.</summary>
    public int FrameworkId { get; private set; }

    /// <summary>The framework version the period collects.</summary>
    public IndicatorFramework Framework { get; private set; } = null!;

    /// <summary>First day submissions are accepted.</summary>
    public DateOnly OpensOn { get; private set; }

    /// <summary>Last day submissions are accepted (the deadline).</summary>
    public DateOnly ClosesOn { get; private set; }

    /// <summary>Open or closed.</summary>
    public PeriodStatus Status { get; private set; }

    /// <summary>Changes the dates; the period cannot close before it opens.</summary>
    public void Reschedule(DateOnly opensOn, DateOnly closesOn)
    {
        if (closesOn < opensOn)
        {
            throw new DomainException($"The {Year} period cannot close ({closesOn:yyyy-MM-dd}) before it opens ({opensOn:yyyy-MM-dd}).");
        }

        OpensOn = opensOn;
        ClosesOn = closesOn;
    }

    /// <summary>Stops accepting submissions.</summary>
    public void Close() => Status = PeriodStatus.Closed;

    /// <summary>Accepts submissions again.</summary>
    public void Reopen() => Status = PeriodStatus.Open;
}
