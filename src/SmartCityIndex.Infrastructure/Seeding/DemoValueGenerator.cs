namespace SmartCityIndex.Infrastructure.Seeding;

internal enum DemoValueKind
{
    Missing,
    NotAvailable,
    Number,
}

internal readonly record struct DemoValue(DemoValueKind Kind, decimal Number = 0)
{
    public static readonly DemoValue Missing = new(DemoValueKind.Missing);

    public static readonly DemoValue NotAvailable = new(DemoValueKind.NotAvailable);
}

/// <summary>
/// Makes plausible synthetic values, the same on every run: a city's overall level follows its tier (with a fixed
/// per-city offset), values improve a little each year, and every value lies in the indicator's plausible range.
/// </summary>
internal sealed class DemoValueGenerator
{
    private readonly Random _random;
    private readonly double _level;
    private readonly int _yearIndex;

    public DemoValueGenerator(City city, int year, int yearIndex)
    {
        var cityRandom = new Random(StableHash(city.Code));
        _level = Math.Clamp(TierLevel(city.Tier) + (cityRandom.NextDouble() - 0.5) * 0.2, 0.05, 0.95);
        _random = new Random(StableHash(city.Code) ^ (year * 7919));
        _yearIndex = yearIndex;
    }

    /// <summary>Latest period: most approved, some submitted, a few returned or still in draft.</summary>
    public SubmissionStatus LatestOutcome() => _random.NextDouble() switch
    {
        < 0.55 => SubmissionStatus.Approved,
        < 0.78 => SubmissionStatus.Submitted,
        < 0.88 => SubmissionStatus.Returned,
        _ => SubmissionStatus.Draft,
    };

    public DemoValue Next(Indicator indicator, double answerShare)
    {
        var roll = _random.NextDouble();
        var noise = NextGaussian() * 0.08;
        if (roll > answerShare)
        {
            return DemoValue.Missing;
        }

        if (roll < 0.015)
        {
            return DemoValue.NotAvailable;
        }

        var range = indicator.PlausibleRange ?? new ValueRange(0, 100);
        var quality = Math.Clamp(0.1 + 0.75 * _level + noise + 0.025 * _yearIndex, 0.02, 0.98);
        var share = indicator.Direction == Direction.HigherIsBetter ? quality : 1 - quality;
        var width = (double)(range.Max - range.Min);
        var value = (double)range.Min + share * width;
        var decimals = width >= 1000 ? 0 : width >= 50 ? 1 : 2;
        return new DemoValue(DemoValueKind.Number, Math.Round((decimal)value, decimals));
    }

    private static double TierLevel(CityTier tier) => tier switch
    {
        CityTier.First => 0.85,
        CityTier.NewFirst => 0.7,
        CityTier.Second => 0.55,
        CityTier.Third => 0.4,
        _ => 0.3,
    };

    private double NextGaussian()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    /// <summary>string.GetHashCode differs between processes; this one does not.</summary>
    private static int StableHash(string text)
    {
        unchecked
        {
            var hash = 17;
            foreach (var ch in text)
            {
                hash = hash * 31 + ch;
            }

            return hash;
        }
    }
}
