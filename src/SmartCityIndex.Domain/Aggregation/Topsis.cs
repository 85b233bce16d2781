using System.Buffers;
using SmartCityIndex.Domain.Weighting;

namespace SmartCityIndex.Domain.Aggregation;

/// <summary>
/// TOPSIS (Technique for Order of Preference by Similarity to Ideal Solution, Hwang &amp; Yoon): ranks units by how close
/// they are to an ideal unit, best on every indicator, and how far from an anti-ideal one, worst on every indicator.
/// </summary>
public static class Topsis
{
    private const string Method = "TOPSIS";

    /// <summary>
    /// TOPSIS closeness with vector normalisation, the classic choice. See
    /// <see cref="Closeness(ColumnMatrix, ReadOnlySpan{double}, ReadOnlySpan{int}, TopsisNormalisation, Span{double})"/>.
    /// </summary>
    public static int Closeness(
        ColumnMatrix raw, ReadOnlySpan<double> weights, ReadOnlySpan<int> directions, Span<double> closeness) =>
        Closeness(raw, weights, directions, TopsisNormalisation.Vector, closeness);

    /// <summary>
    /// Writes each unit's TOPSIS closeness C_i = D−_i / (D+_i + D−_i), from 0 (the anti-ideal) to 1 (the ideal), into
    /// <paramref name="closeness"/>. Each indicator is normalised (vector: r_ij = x_ij / sqrt(Σ_i x_ij²); min-max:
    /// to [0, 1] by direction) and weighted, v_ij = w_j r_ij with w scaled to sum 1; the ideal takes each indicator's
    /// best v (the largest for a benefit indicator, the smallest for a cost one), the anti-ideal the worst; D+ and D−
    /// are the Euclidean distances to them.
    /// </summary>
    /// <remarks>
    /// TOPSIS needs complete data: a unit missing any value gets NaN and the others are computed without it (the
    /// normalisation, the ideal and the anti-ideal come from the complete units only). When all complete units are
    /// identical (D+ = D− = 0) every one of them is the ideal and gets 1. An indicator whose values are all 0
    /// (vector) or all equal (min-max) separates nobody and adds nothing to the distances.
    /// </remarks>
    /// <param name="raw">Units × indicators, raw values (any sign); NaN = missing.</param>
    /// <param name="weights">One weight per indicator, 0 or more, not all 0; only their proportions matter.</param>
    /// <param name="directions">Per indicator, +1 when higher is better, −1 when lower is better.</param>
    /// <param name="normalisation">Vector (the default) or direction-aware min-max.</param>
    /// <param name="closeness">Receives one value per unit.</param>
    /// <returns>How many units were left out for missing values, so that the caller can warn.</returns>
    /// <exception cref="DomainException">
    /// When weights, directions or the output do not match the data, a weight is negative, a direction is not ±1, or
    /// a value is infinite.
    /// </exception>
    public static int Closeness(
        ColumnMatrix raw, ReadOnlySpan<double> weights, ReadOnlySpan<int> directions, TopsisNormalisation normalisation,
        Span<double> closeness)
    {
        MethodInput.Directions(directions, raw.Columns, Method);
        if (normalisation is not (TopsisNormalisation.Vector or TopsisNormalisation.MinMax))
        {
            throw new DomainException($"TOPSIS normalisation {normalisation} is not known.");
        }

        Span<double> w = raw.Columns <= MethodInput.StackLimit ? stackalloc double[raw.Columns] : new double[raw.Columns];
        MethodInput.Weights(weights, raw.Columns, Method, w);

        // closeness doubles as the mask (NaN = incomplete) and then as Σ (v − ideal)²; one scratch span holds Σ (v − anti)².
        var incomplete = MethodInput.MarkIncomplete(raw, closeness, Method);
        if (incomplete == raw.Rows)
        {
            return incomplete;
        }

        double[]? rented = null;
        var toAnti = raw.Rows <= MethodInput.StackLimit
            ? stackalloc double[raw.Rows]
            : (rented = ArrayPool<double>.Shared.Rent(raw.Rows)).AsSpan(0, raw.Rows);
        try
        {
            toAnti.Clear();
            for (var j = 0; j < raw.Columns; j++)
            {
                AddDistances(raw.Column(j), w[j], directions[j], normalisation, closeness, toAnti);
            }

            for (var i = 0; i < closeness.Length; i++)
            {
                if (double.IsNaN(closeness[i]))
                {
                    continue;
                }

                var (plus, minus) = (Math.Sqrt(closeness[i]), Math.Sqrt(toAnti[i]));
                closeness[i] = plus + minus > 0 ? minus / (plus + minus) : 1;
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }

        return incomplete;
    }

    /// <summary>Adds one indicator's squared distances to the ideal and anti-ideal for the complete units.</summary>
    private static void AddDistances(
        ReadOnlySpan<double> x, double weight, int direction, TopsisNormalisation normalisation,
        Span<double> toIdeal, Span<double> toAnti)
    {
        var (min, max) = MethodInput.Range(x, toIdeal);

        // v = scale · x + shift, a linear map, so its best and worst come straight from the raw min and max.
        double scale, shift;
        if (normalisation == TopsisNormalisation.Vector)
        {
            var squares = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                if (!double.IsNaN(toIdeal[i]))
                {
                    squares += x[i] * x[i];
                }
            }

            if (squares == 0 || weight == 0)
            {
                return;
            }

            (scale, shift) = (weight / Math.Sqrt(squares), 0);
        }
        else
        {
            if (max <= min || weight == 0)
            {
                return;
            }

            // Benefit: w (x − min) / range; cost: w (max − x) / range.
            scale = direction * weight / (max - min);
            shift = direction > 0 ? -scale * min : -scale * max;
        }

        var (high, low) = (scale * max + shift, scale * min + shift);
        if (scale < 0)
        {
            (high, low) = (low, high);
        }

        // Min-max has already turned a cost indicator round, so its best is then the largest too.
        var benefit = normalisation == TopsisNormalisation.MinMax || direction > 0;
        var (ideal, anti) = benefit ? (high, low) : (low, high);
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsNaN(toIdeal[i]))
            {
                continue;
            }

            var v = scale * x[i] + shift;
            toIdeal[i] += (v - ideal) * (v - ideal);
            toAnti[i] += (v - anti) * (v - anti);
        }
    }
}
