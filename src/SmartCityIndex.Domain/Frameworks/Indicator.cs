namespace SmartCityIndex.Domain.Frameworks;

/// <summary>
/// A measured quantity that cities report, such as the unemployment rate, with its unit, direction and the ranges used
/// to check entered values. Its weight is relative to the other indicators of its category.
/// </summary>
public sealed class Indicator
{
    private Indicator()
    {
    }

    internal Indicator(IndicatorFramework framework, Category category, IndicatorDefinition definition, int sortOrder)
    {
        Framework = framework;
        Category = category;
        Code = Guard.Code(definition.Code, "Indicator");
        SortOrder = sortOrder;
        Apply(definition);
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>The framework version this indicator belongs to.</summary>
    public int FrameworkId { get; private set; }

    /// <summary>The framework version this indicator belongs to.</summary>
    public IndicatorFramework Framework { get; private set; } = null!;

    /// <summary>The category the indicator is aggregated into.</summary>
    public int CategoryId { get; private set; }

    /// <summary>The category the indicator is aggregated into.</summary>
    public Category Category { get; private set; } = null!;

    /// <summary>Code, unique within the framework (e.g. <c>INF01</c>).</summary>
    public string Code { get; private set; } = string.Empty;

    /// <summary>English name.</summary>
    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Simplified Chinese name.</summary>
    public string NameZh { get; private set; } = string.Empty;

    /// <summary>What is measured and how, for the officials who enter it.</summary>
    public string? Description { get; private set; }

    /// <summary>Unit of the raw value, e.g. <c>%</c> or <c>ug/m3</c>.</summary>
    public string Unit { get; private set; } = string.Empty;

    /// <summary>Whether higher or lower values are better.</summary>
    public Direction Direction { get; private set; }

    /// <summary>Weight relative to the other indicators of the same category; greater than zero.</summary>
    public double Weight { get; private set; }

    /// <summary>Where the indicator's definition comes from (a standard and clause).</summary>
    public string? Source { get; private set; }

    /// <summary>Position within its category, for display.</summary>
    public int SortOrder { get; private set; }

    /// <summary>Lower bound of the hard range; a value outside the hard range is an error.</summary>
    public decimal? HardMin { get; private set; }

    /// <summary>Upper bound of the hard range.</summary>
    public decimal? HardMax { get; private set; }

    /// <summary>Lower bound of the plausible range; a value outside it is a warning that needs a comment.</summary>
    public decimal? PlausibleMin { get; private set; }

    /// <summary>Upper bound of the plausible range.</summary>
    public decimal? PlausibleMax { get; private set; }

    /// <summary>The lower goalpost (in raw units) for goalpost normalisation; which end is "best" follows <see cref="Direction"/>.</summary>
    public decimal? GoalpostLow { get; private set; }

    /// <summary>The upper goalpost (in raw units) for goalpost normalisation.</summary>
    public decimal? GoalpostHigh { get; private set; }

    /// <summary>The hard (valid) range, if set.</summary>
    public ValueRange? HardRange => ValueRange.From(HardMin, HardMax, "The hard range");

    /// <summary>The plausible (soft) range, if set.</summary>
    public ValueRange? PlausibleRange => ValueRange.From(PlausibleMin, PlausibleMax, "The plausible range");

    /// <summary>The goalposts, if set.</summary>
    public ValueRange? Goalposts => ValueRange.From(GoalpostLow, GoalpostHigh, "The goalposts");

    internal void Apply(IndicatorDefinition d)
    {
        var what = $"indicator {Code}";
        NameEn = Guard.Text(d.NameEn, $"The English name of {what}", 200);
        NameZh = Guard.Text(d.NameZh, $"The Chinese name of {what}", 200);
        Description = Guard.OptionalText(d.Description, $"The description of {what}", 2000);
        Unit = Guard.Text(d.Unit, $"The unit of {what}", 50);
        Source = Guard.OptionalText(d.Source, $"The source of {what}", 300);
        if (!Enum.IsDefined(d.Direction))
        {
            throw new DomainException($"The direction of {what} must be +1 (higher is better) or -1 (lower is better).");
        }

        Direction = d.Direction;
        Weight = Guard.Weight(d.Weight, what);

        if (d.HardRange is { } hard && d.PlausibleRange is { } plausible && !plausible.IsWithin(hard))
        {
            throw new DomainException($"The plausible range {plausible} of {what} must lie within its hard range {hard}.");
        }

        if (d.Goalposts is { } goalposts && goalposts.Min == goalposts.Max)
        {
            throw new DomainException($"The goalposts of {what} must differ (both are {goalposts.Min}).");
        }

        (HardMin, HardMax) = (d.HardRange?.Min, d.HardRange?.Max);
        (PlausibleMin, PlausibleMax) = (d.PlausibleRange?.Min, d.PlausibleRange?.Max);
        (GoalpostLow, GoalpostHigh) = (d.Goalposts?.Min, d.Goalposts?.Max);
    }
}

/// <summary>Everything that describes an indicator, used to add or change one in a draft framework.</summary>
public sealed record IndicatorDefinition(
    string Code,
    string NameEn,
    string NameZh,
    string Unit,
    Direction Direction,
    double Weight = 1,
    ValueRange? HardRange = null,
    ValueRange? PlausibleRange = null,
    ValueRange? Goalposts = null,
    string? Description = null,
    string? Source = null);
