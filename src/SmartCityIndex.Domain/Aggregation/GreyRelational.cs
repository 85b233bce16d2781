using SmartCityIndex.Domain.Weighting;

namespace SmartCityIndex.Domain.Aggregation;

/// <summary>
/// Grey relational analysis (灰色关联分析, Deng): scores each unit by how closely its profile follows an ideal unit that
/// is best on every indicator. Less sensitive than a weighted mean to one very bad value, because each indicator's
/// coefficient is bounded below.
/// </summary>
public static class GreyRelational
{
    /// <summary>The customary distinguishing coefficient ζ.</summary>
    public const double DefaultZeta = 0.5;

    private const string Method = "Grey relational analysis";

    /// <summary>
    /// Grey relational grades with ζ = <see cref="DefaultZeta"/>. See
    /// <see cref="Grade(ColumnMatrix, ReadOnlySpan{double}, ReadOnlySpan{int}, double, Span{double})"/>.
    /// </summary>
    public static int Grade(ColumnMatrix raw, ReadOnlySpan<double> weights, ReadOnlySpan<int> directions, Span<double> grades) =>
        Grade(raw, weights, directions, DefaultZeta, grades);

    /// <summary>
    /// Writes each unit's grey relational grade into <paramref name="grades"/>: each indicator is min-max scaled to
    /// [0, 1] by its direction (a constant indicator to 1 for everyone); the reference is 1 on every indicator; with
    /// d_ij = |1 − x_ij|, and dmin, dmax the smallest and largest d over the whole table, the coefficient is
    /// ξ_ij = (dmin + ζ·dmax) / (d_ij + ζ·dmax) and the grade is Σ_j w_j ξ_ij with w scaled to sum 1. A unit best on
    /// every indicator gets 1; no grade is below ζ / (1 + ζ), the grade of a unit worst on every indicator.
    /// </summary>
    /// <remarks>
    /// Grey relational analysis needs complete data: a unit missing any value gets NaN and the others are computed
    /// without it (scaling, dmin and dmax come from the complete units only). When every indicator is constant
    /// (dmax = 0) every complete unit gets 1.
    /// </remarks>
    /// <param name="raw">Units × indicators, raw values; NaN = missing.</param>
    /// <param name="weights">One weight per indicator, 0 or more, not all 0; only their proportions matter.</param>
    /// <param name="directions">Per indicator, +1 when higher is better, −1 when lower is better.</param>
    /// <param name="zeta">The distinguishing coefficient ζ in (0, 1]: smaller spreads the grades further apart.</param>
    /// <param name="grades">Receives one value per unit.</param>
    /// <returns>How many units were left out for missing values, so that the caller can warn.</returns>
    /// <exception cref="DomainException">
    /// When ζ is outside (0, 1], weights, directions or the output do not match the data, a weight is negative, a
    /// direction is not ±1, or a value is infinite.
    /// </exception>
    public static int Grade(
        ColumnMatrix raw, ReadOnlySpan<double> weights, ReadOnlySpan<int> directions, double zeta, Span<double> grades)
    {
        if (!(zeta is > 0 and <= 1))
        {
            throw new DomainException($"The grey relational coefficient ζ must be greater than 0 and at most 1, not {MethodInput.Format(zeta)}.");
        }

        MethodInput.Directions(directions, raw.Columns, Method);
        var n = raw.Columns;
        Span<double> w = n <= MethodInput.StackLimit ? stackalloc double[n] : new double[n];
        MethodInput.Weights(weights, n, Method, w);

        // grades doubles as the mask (NaN = incomplete) and then as the running grade.
        var incomplete = MethodInput.MarkIncomplete(raw, grades, Method);
        if (incomplete == raw.Rows)
        {
            return incomplete;
        }

        Span<double> min = n <= MethodInput.StackLimit ? stackalloc double[n] : new double[n];
        Span<double> max = n <= MethodInput.StackLimit ? stackalloc double[n] : new double[n];
        // After min-max every indicator's best unit has d = 0, so dmin = 0; dmax is 1 if any indicator varies, else 0.
        const double DMin = 0;
        var dMax = 0.0;
        for (var j = 0; j < n; j++)
        {
            (min[j], max[j]) = MethodInput.Range(raw.Column(j), grades);
            if (max[j] > min[j])
            {
                dMax = 1;
            }
        }

        if (dMax == 0)
        {
            FillComplete(grades, 1);
            return incomplete;
        }

        var floor = DMin + zeta * dMax;
        for (var j = 0; j < n; j++)
        {
            var range = max[j] - min[j];
            if (w[j] == 0)
            {
                continue;
            }

            if (range <= 0)
            {
                // d = 0 for everyone: ξ = 1.
                AddToComplete(grades, w[j]);
                continue;
            }

            var x = raw.Column(j);
            for (var i = 0; i < x.Length; i++)
            {
                if (double.IsNaN(grades[i]))
                {
                    continue;
                }

                // d = 1 − scaled value: benefit (max − x) / range, cost (x − min) / range.
                var d = directions[j] > 0 ? (max[j] - x[i]) / range : (x[i] - min[j]) / range;
                grades[i] += w[j] * floor / (d + zeta * dMax);
            }
        }

        return incomplete;
    }

    private static void FillComplete(Span<double> grades, double value)
    {
        for (var i = 0; i < grades.Length; i++)
        {
            if (!double.IsNaN(grades[i]))
            {
                grades[i] = value;
            }
        }
    }

    private static void AddToComplete(Span<double> grades, double value)
    {
        for (var i = 0; i < grades.Length; i++)
        {
            if (!double.IsNaN(grades[i]))
            {
                grades[i] += value;
            }
        }
    }
}
