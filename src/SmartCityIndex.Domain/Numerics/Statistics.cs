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

    /// <summary>
    /// The number of values present, their mean and their sample standard deviation √(Σ(x − mean)² / (n − 1)). The
    /// mean is NaN when no value is present; the deviation is 0 for fewer than two values.
    /// </summary>
    public static (int Count, double Mean, double Sd) CountMeanAndSd(ReadOnlySpan<double> x)
    {
        var (n, mean) = CountAndMean(x);
        return (n, mean, SampleStandardDeviation(x, mean));
    }

    /// <summary>
    /// The sample standard deviation around a mean already known: √(Σ(x − mean)² / (n − 1)) over the values present
    /// (n − 1, as R's <c>sd</c> and COINr's z-scores); 0 for fewer than two values.
    /// </summary>
    public static double SampleStandardDeviation(ReadOnlySpan<double> x, double mean)
    {
        double squares = 0;
        var n = 0;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                squares += (v - mean) * (v - mean);
                n++;
            }
        }

        return n > 1 ? Math.Sqrt(squares / (n - 1)) : 0;
    }
}
