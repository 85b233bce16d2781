namespace SmartCityIndex.Domain.Frameworks;

/// <summary>A closed interval [<see cref="Min"/>, <see cref="Max"/>] of indicator values, in the indicator's unit.</summary>
public readonly record struct ValueRange
{
    /// <summary>Creates a range; <paramref name="min"/> must not exceed <paramref name="max"/>.</summary>
    public ValueRange(decimal min, decimal max)
    {
        if (min > max)
        {
            throw new DomainException($"The range [{min}, {max}] is not ordered: its minimum is greater than its maximum.");
        }

        Min = min;
        Max = max;
    }

    /// <summary>Lowest value in the range.</summary>
    public decimal Min { get; }

    /// <summary>Highest value in the range.</summary>
    public decimal Max { get; }

    /// <summary>True when <paramref name="value"/> lies within the range, bounds included.</summary>
    public bool Contains(decimal value) => value >= Min && value <= Max;

    /// <summary>True when this range lies wholly within <paramref name="outer"/>.</summary>
    public bool IsWithin(ValueRange outer) => Min >= outer.Min && Max <= outer.Max;

    /// <summary>Builds a range from two optional bounds: both or neither must be given.</summary>
    public static ValueRange? From(decimal? min, decimal? max, string what) => (min, max) switch
    {
        (null, null) => null,
        ({ } lo, { } hi) => new ValueRange(lo, hi),
        _ => throw new DomainException($"{what} needs both a minimum and a maximum, or neither."),
    };

    /// <inheritdoc />
    public override string ToString() => $"[{Min}, {Max}]";
}
