using System.Globalization;

namespace SmartCityIndex.Domain.Weighting;

/// <summary>
/// The analytic hierarchy process (Saaty): weights from an expert's pairwise comparisons of criteria. Entry a_ij of the
/// matrix says how many times more important criterion i is than criterion j (Saaty's scale runs from 1/9 to 9), so
/// a_ii = 1 and a_ji = 1 / a_ij. The weights are the matrix's principal eigenvector, and the consistency ratio says
/// whether the judgements hang together well enough to use (CR &lt; 0.1).
/// </summary>
public static class Ahp
{
    /// <summary>The judgements are accepted as consistent when CR is below this (Saaty's 10 % rule).</summary>
    public const double ConsistencyThreshold = 0.1;

    /// <summary>The largest matrix accepted: Saaty's random index is tabulated for 1 to 15 criteria.</summary>
    public const int MaxCriteria = 15;

    /// <summary>
    /// How far a_ij · a_ji may be from 1 (relative), so that judgements typed with three decimals pass: 0.333 for 1/3,
    /// 0.111 for 1/9, 0.143 for 1/7.
    /// </summary>
    public const double ReciprocalTolerance = 1e-3;

    private const double ConvergenceTolerance = 1e-12;
    private const int MaxIterations = 100_000;

    private static readonly double[] RandomIndices =
        [0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59];

    /// <summary>
    /// Saaty's random index RI(n): the average consistency index of random reciprocal matrices of n criteria, the
    /// yardstick for CR = CI / RI. 0 for n ≤ 2, where every reciprocal matrix is consistent.
    /// </summary>
    /// <exception cref="DomainException">When n is not between 1 and <see cref="MaxCriteria"/>.</exception>
    public static double RandomIndex(int n) =>
        n is >= 1 and <= MaxCriteria
            ? RandomIndices[n - 1]
            : throw new DomainException($"Saaty's random index is tabulated for 1 to {MaxCriteria} criteria, not {n}.");

    /// <summary>
    /// Weights and consistency of a pairwise comparison matrix whose criteria are named "criterion 1", "criterion 2"…
    /// in messages. See <see cref="Compute(double[,], IReadOnlyList{string})"/>.
    /// </summary>
    public static AhpResult Compute(double[,] matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var names = new string[matrix.GetLength(0)];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = $"criterion {i + 1}";
        }

        return Compute(matrix, names);
    }

    /// <summary>
    /// Weights and consistency of a pairwise comparison matrix: the weights w are the principal eigenvector
    /// (A w = λmax w, found by power iteration to 1e-12) scaled to sum 1; CI = (λmax − n) / (n − 1) and
    /// CR = CI / RI(n), both 0 for n ≤ 2; consistent when CR &lt; 0.1. The most inconsistent judgement is the pair
    /// i &lt; j whose a_ij is furthest, on a log scale, from the consistent w_i / w_j.
    /// </summary>
    /// <param name="matrix">The judgements, row criterion against column criterion.</param>
    /// <param name="criteria">The criteria's names, in the matrix's order, used in messages and in the result.</param>
    /// <exception cref="DomainException">
    /// When the matrix is empty, not square, larger than 15, does not match the names, holds a judgement that is not a
    /// positive number, has a diagonal entry other than 1, or is not reciprocal (a_ij · a_ji differs from 1 by more than
    /// <see cref="ReciprocalTolerance"/>). The message names the cell.
    /// </exception>
    public static AhpResult Compute(double[,] matrix, IReadOnlyList<string> criteria)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(criteria);
        var n = Validate(matrix, criteria);

        var weights = PrincipalEigenvector(matrix, n);
        var lambdaMax = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                lambdaMax += matrix[i, j] * weights[j];
            }
        }

        // λmax ≥ n for every positive reciprocal matrix; a value a hair below n is rounding, not a better-than-perfect matrix.
        var ci = n <= 2 ? 0 : Math.Max(0, (lambdaMax - n) / (n - 1));
        var cr = n <= 2 ? 0 : ci / RandomIndex(n);
        return new AhpResult(weights, lambdaMax, ci, cr, cr < ConsistencyThreshold, MostInconsistent(matrix, weights, criteria));
    }

    /// <summary>
    /// Reads one judgement as typed by a person: a positive number ("3", "0.5") or a fraction of two ("1/3",
    /// " 1 / 9 "), with '.' as the decimal point whatever the culture.
    /// </summary>
    /// <exception cref="DomainException">For anything else (empty, negative, zero, "1/0", "abc"), naming the text.</exception>
    public static double ParseJudgement(string? text)
    {
        var span = (text ?? string.Empty).AsSpan();
        var slash = span.IndexOf('/');
        double value;
        if (slash < 0)
        {
            value = TryPositive(span);
        }
        else
        {
            var numerator = TryPositive(span[..slash]);
            var denominator = TryPositive(span[(slash + 1)..]);
            value = numerator / denominator;
        }

        return double.IsFinite(value) && value > 0
            ? value
            : throw new DomainException(
                $"'{text}' is not a pairwise judgement: enter a positive number such as 3 or 0.5, or a fraction such as 1/3.");
    }

    /// <summary>
    /// Writes a judgement the way <see cref="ParseJudgement"/> reads it and people write it: whole numbers as "3",
    /// reciprocals of whole numbers as "1/3", anything else with up to 6 significant digits ("0.45").
    /// </summary>
    public static string FormatJudgement(double value)
    {
        if (double.IsFinite(value) && value > 0)
        {
            var whole = Math.Round(value);
            if (whole >= 1 && Math.Abs(value - whole) <= 1e-9 * value)
            {
                return whole.ToString(CultureInfo.InvariantCulture);
            }

            var inverse = 1 / value;
            var wholeInverse = Math.Round(inverse);
            if (wholeInverse >= 2 && Math.Abs(inverse - wholeInverse) <= 1e-9 * inverse)
            {
                return "1/" + wholeInverse.ToString(CultureInfo.InvariantCulture);
            }
        }

        return MethodInput.Format(value);
    }

    private static double TryPositive(ReadOnlySpan<char> text)
    {
        const NumberStyles Styles = NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;
        return double.TryParse(text, Styles, CultureInfo.InvariantCulture, out var value) ? value : double.NaN;
    }

    private static int Validate(double[,] matrix, IReadOnlyList<string> criteria)
    {
        var (rows, columns) = (matrix.GetLength(0), matrix.GetLength(1));
        if (rows == 0 || columns == 0)
        {
            throw new DomainException("The AHP matrix is empty: it needs at least one criterion.");
        }

        if (rows != columns)
        {
            throw new DomainException($"The AHP matrix must be square, but it has {rows} rows and {columns} columns.");
        }

        if (rows > MaxCriteria)
        {
            throw new DomainException(
                $"The AHP matrix has {rows} criteria; at most {MaxCriteria} are supported (Saaty's random index stops at {MaxCriteria}). Group the criteria into smaller sets.");
        }

        if (criteria.Count != rows)
        {
            throw new DomainException($"The AHP matrix has {rows} rows but {criteria.Count} criterion names.");
        }

        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < rows; j++)
            {
                if (!double.IsFinite(matrix[i, j]) || matrix[i, j] <= 0)
                {
                    throw new DomainException(
                        $"The AHP judgement in row {criteria[i]}, column {criteria[j]} must be a positive number, not {MethodInput.Format(matrix[i, j])}.");
                }
            }
        }

        for (var i = 0; i < rows; i++)
        {
            if (Math.Abs(matrix[i, i] - 1) > 1e-9)
            {
                throw new DomainException(
                    $"The AHP matrix must have 1 on its diagonal, but row {criteria[i]}, column {criteria[i]} is {FormatJudgement(matrix[i, i])}.");
            }
        }

        for (var i = 0; i < rows; i++)
        {
            for (var j = i + 1; j < rows; j++)
            {
                // The small extra allowance keeps 0.333 × 3 = 0.999 on the right side of the line despite rounding.
                if (Math.Abs(matrix[i, j] * matrix[j, i] - 1) > ReciprocalTolerance + 1e-12)
                {
                    throw new DomainException(
                        $"The AHP matrix is not reciprocal: row {criteria[i]}, column {criteria[j]} is {FormatJudgement(matrix[i, j])} " +
                        $"but row {criteria[j]}, column {criteria[i]} is {FormatJudgement(matrix[j, i])} (should be {FormatJudgement(1 / matrix[i, j])}).");
                }
            }
        }

        return rows;
    }

    /// <summary>
    /// Power iteration from equal weights. A positive matrix has a unique positive principal eigenvector
    /// (Perron–Frobenius) and the iteration converges to it; on Saaty's 1/9–9 scale within about a thousand steps.
    /// </summary>
    private static double[] PrincipalEigenvector(double[,] matrix, int n)
    {
        var current = new double[n];
        var next = new double[n];
        Array.Fill(current, 1.0 / n);
        for (var iteration = 0; iteration < MaxIterations; iteration++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                var product = 0.0;
                for (var j = 0; j < n; j++)
                {
                    product += matrix[i, j] * current[j];
                }

                next[i] = product;
                sum += product;
            }

            var change = 0.0;
            for (var i = 0; i < n; i++)
            {
                next[i] /= sum;
                change = Math.Max(change, Math.Abs(next[i] - current[i]));
            }

            (current, next) = (next, current);
            if (change <= ConvergenceTolerance)
            {
                return current;
            }
        }

        throw new DomainException(
            $"The AHP weights did not settle after {MaxIterations} iterations; the judgements are too extreme. Keep them within Saaty's scale, 1/9 to 9.");
    }

    private static AhpJudgement? MostInconsistent(double[,] matrix, double[] weights, IReadOnlyList<string> criteria)
    {
        var n = weights.Length;
        var (worstRow, worstColumn, worst) = (-1, -1, 1e-9);
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var deviation = Math.Abs(Math.Log(matrix[i, j] * weights[j] / weights[i]));
                // A relative margin so that ties (with 3 criteria all judgements deviate equally) go to the first pair.
                if (deviation > worst * (1 + 1e-9))
                {
                    (worstRow, worstColumn, worst) = (i, j, deviation);
                }
            }
        }

        return n < 3 || worstRow < 0
            ? null
            : new AhpJudgement(worstRow, worstColumn, criteria[worstRow], criteria[worstColumn],
                matrix[worstRow, worstColumn], weights[worstRow] / weights[worstColumn]);
    }
}
