using System.Runtime.InteropServices;
using SmartCityIndex.Domain.Numerics;

namespace SmartCityIndex.Web.Features.Review;

/// <summary>
/// The mean and standard deviation of each indicator's values across the cities of one period, to say how unusual a
/// value is: z = (x − mean) / sd, with the sample standard deviation (n − 1), as the engine's z-score normalisation.
/// A value with |z| &gt; <see cref="OutlierZ"/> is an outlier. With the sample deviation a single value cannot reach
/// |z| = 3 among 10 or fewer values ((n − 1)/√n &lt; 3), so small periods simply show no outliers.
/// </summary>
public sealed class IndicatorSpread
{
    /// <summary>The |z| above which a value is flagged.</summary>
    public const double OutlierZ = 3.0;

    private readonly Dictionary<int, (int Count, double Mean, double Sd)> _byIndicator;

    private IndicatorSpread(Dictionary<int, (int Count, double Mean, double Sd)> byIndicator) => _byIndicator = byIndicator;

    /// <summary>Builds the spread from (indicator id, value) pairs, with the engine's own mean and sample deviation.</summary>
    public static IndicatorSpread From(IEnumerable<(int IndicatorId, decimal Value)> values)
    {
        var columns = new Dictionary<int, List<double>>();
        foreach (var (indicatorId, value) in values)
        {
            if (!columns.TryGetValue(indicatorId, out var column))
            {
                columns[indicatorId] = column = [];
            }

            column.Add((double)value);
        }

        return new IndicatorSpread(columns.ToDictionary(c => c.Key, c => Statistics.CountMeanAndSd(CollectionsMarshal.AsSpan(c.Value))));
    }

    /// <summary>The z-score of <paramref name="value"/> for the indicator; null when there are fewer than three values or no spread.</summary>
    public double? Z(int indicatorId, decimal value) =>
        _byIndicator.TryGetValue(indicatorId, out var s) && s.Count >= 3 && s.Sd > 0 ? ((double)value - s.Mean) / s.Sd : null;

    /// <summary>The z-score when it makes the value an outlier, else null.</summary>
    public double? OutlierZOf(int indicatorId, decimal value) => Z(indicatorId, value) is { } z && Math.Abs(z) > OutlierZ ? z : null;
}
