namespace SmartCityIndex.Domain.Numerics;

/// <summary>Statistics of one column that ignore missing values (NaN), as every step of the engine does.</summary>
public static class Statistics
{
    /// <summary>The number of values present and their mean (NaN when none is present).</summary>
    public static (int Count, double Mean) CountAndMean(ReadOnlySpan<double> x)
    {
        double sum = 0;
        var n = 0;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                sum += v;
                n++;
            }
        }

        return (n, n == 0 ? double.NaN : sum / n);
    }
}
