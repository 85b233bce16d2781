namespace SmartCityIndex.Domain.Outliers;

/// <summary>
/// Outlier treatment as COINr does it by default (its <c>Treat</c> with <c>winsorise</c>, then <c>log_CT</c>), one
/// indicator at a time; skewness and kurtosis are the sample statistics of type 2 (as Excel and e1071), missing
/// values ignored.
/// </summary>
public static class OutlierTreater
{
    /// <summary>Absolute skewness at or above which an indicator may have outliers.</summary>
    public const double SkewThreshold = 2;

    /// <summary>Kurtosis at or above which an indicator may have outliers.</summary>
    public const double KurtosisThreshold = 3.5;

    /// <summary>Most values winsorised before falling back to a log transform.</summary>
    public const int MaxWinsorised = 5;

    /// <summary>Treats <paramref name="x"/> in place; returns what was done, or null when the indicator passed as it was.</summary>
    public static TreatmentRecord? Treat(Span<double> x, string indicator)
    {
        var (skew0, kurt0) = (Skewness(x), Kurtosis(x));
        if (Passes(skew0, kurt0))
        {
            return null;
        }

        var original = x.ToArray();
        var changed = new HashSet<int>();
        var points = 0;
        var passing = false;
        while (!passing && points < MaxWinsorised)
        {
            var high = Skewness(x) >= 0;
            var extreme = high ? Max(x, double.NaN) : Min(x, double.NaN);
            var next = high ? Max(x, extreme) : Min(x, extreme);
            if (double.IsNaN(next))
            {
                break; // every value is the same extreme: nothing to pull in
            }

            points = 0;
            for (var i = 0; i < x.Length; i++)
            {
                if (x[i] == extreme)
                {
                    x[i] = next;
                    changed.Add(i);
                }

                // COINr counts the values now sharing the (new) extreme that were just moved, as its loop does.
            }

            points = changed.Count;
            passing = Passes(Skewness(x), Kurtosis(x));
        }

        if (passing)
        {
            return new TreatmentRecord(indicator, "winsorised", changed.Count, [.. changed.Order()], skew0, kurt0, Skewness(x), Kurtosis(x));
        }

        // Winsorising did not fix it: log-transform the original values, ln(x − min + 0.01 (max − min)).
        original.CopyTo(x);
        var (min, max) = (Min(x, double.NaN), Max(x, double.NaN));
        var shift = 0.01 * (max - min);
        var rows = new List<int>();
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                x[i] = Math.Log(x[i] - min + shift);
                rows.Add(i);
            }
        }

        return new TreatmentRecord(indicator, "log-transformed", 0, rows, skew0, kurt0, Skewness(x), Kurtosis(x));
    }

    /// <summary>COINr's pass test: |skew| &lt; 2 or kurtosis &lt; 3.5; undefined statistics (too few values) pass.</summary>
    public static bool Passes(double skew, double kurtosis) =>
        double.IsNaN(skew) || double.IsNaN(kurtosis) || Math.Abs(skew) < SkewThreshold || kurtosis < KurtosisThreshold;

    /// <summary>Sample skewness, type 2 (Excel's SKEW); NaN with fewer than 3 values.</summary>
    public static double Skewness(ReadOnlySpan<double> x)
    {
        var (n, mean) = Statistics.CountAndMean(x);
        if (n < 3)
        {
            return double.NaN;
        }

        double m2 = 0, m3 = 0;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                var d = v - mean;
                m2 += d * d;
                m3 += d * d * d;
            }
        }

        var y = Math.Sqrt(n) * m3 / Math.Pow(m2, 1.5);
        return y * Math.Sqrt(n * (n - 1.0)) / (n - 2);
    }

    /// <summary>Sample excess kurtosis, type 2 (Excel's KURT); NaN with fewer than 4 values.</summary>
    public static double Kurtosis(ReadOnlySpan<double> x)
    {
        var (n, mean) = Statistics.CountAndMean(x);
        if (n < 4)
        {
            return double.NaN;
        }

        double m2 = 0, m4 = 0;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                var d2 = (v - mean) * (v - mean);
                m2 += d2;
                m4 += d2 * d2;
            }
        }

        var r = n * m4 / (m2 * m2);
        return ((n + 1) * (r - 3) + 6) * (n - 1) / ((n - 2.0) * (n - 3));
    }

    /// <summary>The largest value below <paramref name="below"/> (NaN = no bound); NaN when there is none.</summary>
    private static double Max(ReadOnlySpan<double> x, double below)
    {
        var max = double.NaN;
        foreach (var v in x)
        {
            if (!double.IsNaN(v) && (double.IsNaN(below) || v < below) && (double.IsNaN(max) || v > max))
            {
                max = v;
            }
        }

        return max;
    }

    private static double Min(ReadOnlySpan<double> x, double above)
    {
        var min = double.NaN;
        foreach (var v in x)
        {
            if (!double.IsNaN(v) && (double.IsNaN(above) || v > above) && (double.IsNaN(min) || v < min))
            {
                min = v;
            }
        }

        return min;
    }
}
