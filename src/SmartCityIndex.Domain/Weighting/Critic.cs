namespace SmartCityIndex.Domain.Weighting;

/// <summary>
/// CRITIC weights (Criteria Importance Through Intercriteria Correlation, Diakoulaki et al. 1995): an indicator gets
/// more weight the more the units differ on it (its standard deviation) and the less it repeats what the other
/// indicators say (its correlation with them).
/// </summary>
public static class Critic
{
    /// <summary>CRITIC needs at least this many units with a value for every indicator.</summary>
    public const int MinimumCompleteUnits = 3;

    private const string Method = "CRITIC weighting";

    /// <summary>
    /// CRITIC weights of the indicators (columns) of <paramref name="data"/>: each indicator is min-max scaled to
    /// [0, 1] by its direction (benefit (x − min) / (max − min), cost (max − x) / (max − min)); sd_j is its sample
    /// standard deviation and r_jk the Pearson correlation of indicators j and k; C_j = sd_j · Σ_k (1 − r_jk);
    /// w_j = C_j / Σ_k C_k. The weights sum to 1.
    /// </summary>
    /// <remarks>
    /// Only units with a value for every indicator are used (for the scaling as well); the others are left out.
    /// A constant indicator (sd = 0) has no correlation with anything: it gets C = 0, and r = 0 is used for it in the
    /// other indicators' sums. A single indicator gets weight 1.
    /// </remarks>
    /// <param name="data">Units × indicators; NaN = missing.</param>
    /// <param name="directions">Per indicator, +1 when higher is better, −1 when lower is better.</param>
    /// <exception cref="DomainException">
    /// When the directions do not match the indicators or are not ±1, a value is infinite, fewer than 3 units are
    /// complete, or every indicator is constant or perfectly correlated with all the others (no information).
    /// </exception>
    public static double[] Compute(ColumnMatrix data, ReadOnlySpan<int> directions)
    {
        MethodInput.Directions(directions, data.Columns, Method);
        var (n, rows) = (data.Columns, data.Rows);

        var mask = new double[rows];
        var incomplete = MethodInput.MarkIncomplete(data, mask, Method);
        var k = rows - incomplete;
        if (k < MinimumCompleteUnits)
        {
            throw new DomainException(
                $"CRITIC weighting needs at least {MinimumCompleteUnits} units with a value for every indicator; the data have {k}.");
        }

        if (n == 1)
        {
            return [1.0];
        }

        // The complete units' centred scaled values, one contiguous column of k per indicator, and their sd.
        var centred = new double[k * n];
        var sd = new double[n];
        for (var j = 0; j < n; j++)
        {
            var column = data.Column(j);
            var (min, max) = MethodInput.Range(column, mask);
            var range = max - min;
            var target = centred.AsSpan(j * k, k);
            if (range <= 0)
            {
                continue;
            }

            var (t, mean) = (0, 0.0);
            for (var i = 0; i < rows; i++)
            {
                if (!double.IsNaN(mask[i]))
                {
                    target[t] = directions[j] > 0 ? (column[i] - min) / range : (max - column[i]) / range;
                    mean += target[t++];
                }
            }

            mean /= k;
            for (var i = 0; i < k; i++)
            {
                target[i] -= mean;
            }

            sd[j] = Statistics.SampleStandardDeviation(target, mean: 0);
        }

        var c = new double[n];
        var total = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (sd[j] == 0)
            {
                continue;
            }

            var conflict = 0.0;
            var x = centred.AsSpan(j * k, k);
            for (var other = 0; other < n; other++)
            {
                conflict += 1 - Correlation(x, sd[j], centred.AsSpan(other * k, k), sd[other]);
            }

            // Rounding leaves a perfectly correlated indicator a conflict of ~1e-16 instead of 0.
            c[j] = conflict < 1e-10 ? 0 : sd[j] * conflict;
            total += c[j];
        }

        if (total <= 0)
        {
            throw new DomainException(
                "The data carry no information for CRITIC weights: every indicator is constant or perfectly correlated with all the others.");
        }

        for (var j = 0; j < n; j++)
        {
            c[j] /= total;
        }

        return c;
    }

    /// <summary>Pearson r of two centred columns with sample sds; 0 when either is constant.</summary>
    private static double Correlation(ReadOnlySpan<double> x, double sdX, ReadOnlySpan<double> y, double sdY)
    {
        if (sdX == 0 || sdY == 0)
        {
            return 0;
        }

        var cross = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            cross += x[i] * y[i];
        }

        return Math.Clamp(cross / ((x.Length - 1) * sdX * sdY), -1, 1);
    }
}
