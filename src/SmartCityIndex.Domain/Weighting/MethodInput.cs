using System.Globalization;

namespace SmartCityIndex.Domain.Weighting;

/// <summary>
/// Input checks and small pieces shared by the weighting and index methods (entropy, CRITIC, TOPSIS, grey relational
/// analysis), so that they refuse bad input with the same words. Units and indicators are numbered from 1 in messages,
/// as a person reading the table would count them.
/// </summary>
internal static class MethodInput
{
    /// <summary>Above this many values a scratch buffer comes from the heap rather than the stack.</summary>
    public const int StackLimit = 256;

    /// <summary>Refuses a table with no indicators, or a direction list that does not match it or is not ±1.</summary>
    public static void Directions(ReadOnlySpan<int> directions, int indicators, string method)
    {
        if (indicators == 0)
        {
            throw new DomainException($"{method} needs at least one indicator; the data have none.");
        }

        if (directions.Length != indicators)
        {
            throw new DomainException($"{method} got {directions.Length} directions for {indicators} indicators.");
        }

        for (var j = 0; j < directions.Length; j++)
        {
            if (directions[j] is not (1 or -1))
            {
                throw new DomainException(
                    $"The direction of indicator {j + 1} must be 1 (higher is better) or -1 (lower is better), not {directions[j]}.");
            }
        }
    }

    /// <summary>
    /// Checks that <paramref name="weights"/> has one finite, non-negative weight per indicator, at least one of them
    /// positive, and writes them divided by their sum into <paramref name="normalised"/>.
    /// </summary>
    public static void Weights(ReadOnlySpan<double> weights, int indicators, string what, Span<double> normalised)
    {
        if (weights.Length != indicators)
        {
            throw new DomainException($"{what} got {weights.Length} weights for {indicators} indicators.");
        }

        var sum = 0.0;
        for (var j = 0; j < weights.Length; j++)
        {
            if (!double.IsFinite(weights[j]) || weights[j] < 0)
            {
                throw new DomainException($"{what}: the weight of indicator {j + 1} must be a number of 0 or more, not {Format(weights[j])}.");
            }

            sum += weights[j];
        }

        if (sum <= 0 || !double.IsFinite(sum))
        {
            throw new DomainException($"{what}: at least one weight must be greater than 0, and their sum finite.");
        }

        for (var j = 0; j < weights.Length; j++)
        {
            normalised[j] = weights[j] / sum;
        }
    }

    /// <summary>
    /// Refuses infinite values (missing is NaN, never ±∞), and marks in <paramref name="result"/> the units that miss
    /// any value with NaN and the others with 0. Returns how many units miss a value.
    /// </summary>
    public static int MarkIncomplete(ColumnMatrix data, Span<double> result, string method)
    {
        if (result.Length != data.Rows)
        {
            throw new DomainException($"{method} needs room for {data.Rows} results, one per unit, but got {result.Length}.");
        }

        result.Clear();
        for (var j = 0; j < data.Columns; j++)
        {
            var column = data.Column(j);
            for (var i = 0; i < column.Length; i++)
            {
                var x = column[i];
                if (double.IsNaN(x))
                {
                    result[i] = double.NaN;
                }
                else if (double.IsInfinity(x))
                {
                    throw Infinite(method, i, j);
                }
            }
        }

        var incomplete = 0;
        foreach (var r in result)
        {
            if (double.IsNaN(r))
            {
                incomplete++;
            }
        }

        return incomplete;
    }

    /// <summary>The error for an infinite value of unit <paramref name="row"/>, indicator <paramref name="column"/>.</summary>
    public static DomainException Infinite(string method, int row, int column) =>
        new($"{method} cannot use an infinite value: indicator {column + 1}, unit {row + 1}.");

    /// <summary>Smallest and largest of the values at the positions where <paramref name="mask"/> is not NaN.</summary>
    public static (double Min, double Max) Range(ReadOnlySpan<double> column, ReadOnlySpan<double> mask)
    {
        var (min, max) = (double.PositiveInfinity, double.NegativeInfinity);
        for (var i = 0; i < column.Length; i++)
        {
            if (double.IsNaN(mask[i]))
            {
                continue;
            }

            var x = column[i];
            if (x < min)
            {
                min = x;
            }

            if (x > max)
            {
                max = x;
            }
        }

        return (min, max);
    }

    /// <summary>A number as a person would type it, independent of the current culture.</summary>
    public static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
