namespace SmartCityIndex.Domain.Weighting;

/// <summary>How <see cref="Entropy"/> prepares the data before measuring their entropy.</summary>
public enum EntropyPreparation
{
    /// <summary>
    /// Direction-aware min-max to [0, 1] per indicator, as usual in Chinese practice (熵权法): benefit
    /// (x − min) / (max − min), cost (max − x) / (max − min).
    /// </summary>
    MinMax,

    /// <summary>The data as they are (they must not be negative); directions play no part.</summary>
    Raw,
}

/// <summary>
/// Entropy weights: an indicator on which the units differ a lot carries more information, and gets more weight, than
/// one on which they are nearly alike.
/// </summary>
public static class Entropy
{
    private const string Method = "Entropy weighting";

    /// <summary>
    /// Entropy weights of the indicators (columns) of <paramref name="data"/>. With x the prepared values of indicator
    /// j over the m units that have one: p_ij = x_ij / Σ_i x_ij; e_j = −(1 / ln m) Σ_i p_ij ln p_ij, with 0 ln 0 = 0;
    /// d_j = 1 − e_j; w_j = d_j / Σ_k d_k. The weights sum to 1.
    /// </summary>
    /// <remarks>
    /// Missing values (NaN) are ignored indicator by indicator: m counts the units present in that column. An
    /// indicator that tells the units nothing apart gets weight 0: constant, or with fewer than two values.
    /// </remarks>
    /// <param name="data">Units × indicators.</param>
    /// <param name="directions">Per indicator, +1 when higher is better, −1 when lower is better; validated even for
    /// <see cref="EntropyPreparation.Raw"/>, which does not use them.</param>
    /// <param name="preparation">Min-max by direction (the default) or the raw values.</param>
    /// <exception cref="DomainException">
    /// When the directions do not match the indicators or are not ±1, a value is infinite, a raw value is negative
    /// (naming indicator and unit), or no indicator carries any information.
    /// </exception>
    public static double[] Compute(
        ColumnMatrix data, ReadOnlySpan<int> directions, EntropyPreparation preparation = EntropyPreparation.MinMax)
    {
        MethodInput.Directions(directions, data.Columns, Method);
        if (preparation is not (EntropyPreparation.MinMax or EntropyPreparation.Raw))
        {
            throw new DomainException($"Entropy preparation {preparation} is not known.");
        }

        var weights = new double[data.Columns];
        var total = 0.0;
        for (var j = 0; j < data.Columns; j++)
        {
            weights[j] = Divergence(data.Column(j), j, directions[j], preparation);
            total += weights[j];
        }

        if (total <= 0)
        {
            throw new DomainException(
                "The data carry no information for entropy weights: every indicator is constant (or has fewer than two values).");
        }

        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] /= total;
        }

        return weights;
    }

    /// <summary>d_j = 1 − e_j of one indicator, 0 when it tells the units nothing apart.</summary>
    private static double Divergence(ReadOnlySpan<double> column, int j, int direction, EntropyPreparation preparation)
    {
        // First pass: checks, count, range and (for raw data) the sum.
        var (count, min, max, rawSum) = (0, double.PositiveInfinity, double.NegativeInfinity, 0.0);
        for (var i = 0; i < column.Length; i++)
        {
            var x = column[i];
            if (double.IsNaN(x))
            {
                continue;
            }

            if (double.IsInfinity(x))
            {
                throw MethodInput.Infinite(Method, i, j);
            }

            if (preparation == EntropyPreparation.Raw && x < 0)
            {
                throw new DomainException(
                    $"Entropy weights on raw data need values of 0 or more, but indicator {j + 1}, unit {i + 1} is {MethodInput.Format(x)}. Use min-max preparation instead.");
            }

            count++;
            rawSum += x;
            min = Math.Min(min, x);
            max = Math.Max(max, x);
        }

        var range = max - min;
        if (count < 2 || range <= 0 || rawSum <= 0 && preparation == EntropyPreparation.Raw)
        {
            return 0;
        }

        // Second pass: the prepared values' sum (raw: already known). Third: Σ p ln p.
        var sum = rawSum;
        if (preparation == EntropyPreparation.MinMax)
        {
            sum = 0;
            foreach (var x in column)
            {
                if (!double.IsNaN(x))
                {
                    sum += Prepare(x, direction, min, max, range, preparation);
                }
            }
        }

        var plnp = 0.0;
        foreach (var x in column)
        {
            if (double.IsNaN(x))
            {
                continue;
            }

            var p = Prepare(x, direction, min, max, range, preparation) / sum;
            if (p > 0)
            {
                plnp += p * Math.Log(p);
            }
        }

        // e ≤ 1 in exact arithmetic; rounding may nudge it above.
        var entropy = -plnp / Math.Log(count);
        return Math.Max(0, 1 - entropy);
    }

    private static double Prepare(double x, int direction, double min, double max, double range, EntropyPreparation preparation) =>
        preparation == EntropyPreparation.Raw ? x
        : direction > 0 ? (x - min) / range
        : (max - x) / range;
}
