namespace SmartCityIndex.Domain.Normalisation;

/// <summary>Normalises one indicator column at a time. Statistics ignore missing values; missing stays missing.</summary>
public static class Normaliser
{
    /// <summary>
    /// Normalises <paramref name="source"/> into <paramref name="target"/> (may be the same span).
    /// <paramref name="direction"/> is +1 or −1. Returns a warning, or null.
    /// </summary>
    public static string? Normalise(
        ReadOnlySpan<double> source, Span<double> target, int direction, NormalisationMethod method,
        double low, double high, double? goalLow, double? goalHigh, string indicator)
    {
        return method switch
        {
            NormalisationMethod.MinMax => MinMax(source, target, direction, low, high, indicator),
            NormalisationMethod.ZScore => ZScore(source, target, direction, indicator),
            NormalisationMethod.Rank => Rank(source, target, direction, low, high),
            NormalisationMethod.Goalposts => Goalposts(source, target, direction, low, high, goalLow, goalHigh, indicator),
            _ => throw new DomainException($"Normalisation method {method} is not known."),
        };
    }

    /// <summary>Normalises every column of <paramref name="raw"/> with its own method into a new matrix.</summary>
    public static ColumnMatrix NormaliseAll(
        ColumnMatrix raw, ReadOnlySpan<int> directions, ReadOnlySpan<NormalisationMethod> methods, double low, double high,
        IReadOnlyList<(double? Low, double? High)> goalposts, IReadOnlyList<string> codes, ICollection<string> warnings)
    {
        var result = new ColumnMatrix(new double[raw.Data.Length], raw.Rows, raw.Columns);
        for (var j = 0; j < raw.Columns; j++)
        {
            var warning = Normalise(raw.Column(j), result.Column(j), directions[j], methods[j], low, high, goalposts[j].Low, goalposts[j].High, codes[j]);
            if (warning is not null)
            {
                warnings.Add(warning);
            }
        }

        return result;
    }

    private static string? MinMax(ReadOnlySpan<double> x, Span<double> y, int direction, double low, double high, string indicator)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                var d = direction * v;
                if (d < min)
                {
                    min = d;
                }

                if (d > max)
                {
                    max = d;
                }
            }
        }

        if (!(max > min))
        {
            for (var i = 0; i < x.Length; i++)
            {
                y[i] = double.IsNaN(x[i]) ? double.NaN : high;
            }

            return double.IsInfinity(min) ? $"Indicator {indicator} has no data." : $"Indicator {indicator} has the same value for every unit; min-max gives all of them {high}.";
        }

        var scale = (high - low) / (max - min);
        for (var i = 0; i < x.Length; i++)
        {
            y[i] = low + (direction * x[i] - min) * scale; // NaN stays NaN
        }

        return null;
    }

    private static string? ZScore(ReadOnlySpan<double> x, Span<double> y, int direction, string indicator)
    {
        var (n, mean, sd) = Statistics.CountMeanAndSd(x);
        if (!(sd > 0))
        {
            for (var i = 0; i < x.Length; i++)
            {
                y[i] = double.IsNaN(x[i]) ? double.NaN : 0;
            }

            return n == 0 ? $"Indicator {indicator} has no data." : $"Indicator {indicator} does not vary; its z-scores are all 0.";
        }

        for (var i = 0; i < x.Length; i++)
        {
            y[i] = direction * (x[i] - mean) / sd;
        }

        return null;
    }

    private static string? Rank(ReadOnlySpan<double> x, Span<double> y, int direction, double low, double high)
    {
        var present = 0;
        foreach (var v in x)
        {
            if (!double.IsNaN(v))
            {
                present++;
            }
        }

        var keys = new double[present];
        var rows = new int[present];
        for (int i = 0, k = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]))
            {
                keys[k] = direction * x[i];
                rows[k++] = i;
            }
        }

        Array.Sort(keys, rows);
        var output = new double[x.Length];
        Array.Fill(output, double.NaN);
        for (var start = 0; start < present;)
        {
            var end = start;
            while (end + 1 < present && keys[end + 1] == keys[start])
            {
                end++;
            }

            var averageRank = (start + end) / 2.0 + 1; // ascending: the best gets the highest rank
            var value = present == 1 ? high : low + (high - low) * (averageRank - 1) / (present - 1);
            for (var k = start; k <= end; k++)
            {
                output[rows[k]] = value;
            }

            start = end + 1;
        }

        output.CopyTo(y);
        return null;
    }

    private static string? Goalposts(ReadOnlySpan<double> x, Span<double> y, int direction, double low, double high, double? goalLow, double? goalHigh, string indicator)
    {
        if (goalLow is not { } gl || goalHigh is not { } gh || !(gh > gl))
        {
            throw new DomainException($"Goalpost normalisation needs goalposts for indicator {indicator}, with the low goalpost below the high one (got {goalLow?.ToString() ?? "none"}, {goalHigh?.ToString() ?? "none"}).");
        }

        for (var i = 0; i < x.Length; i++)
        {
            var t = direction > 0 ? (x[i] - gl) / (gh - gl) : (gh - x[i]) / (gh - gl);
            y[i] = double.IsNaN(t) ? double.NaN : low + (high - low) * Math.Clamp(t, 0, 1);
        }

        return null;
    }
}
