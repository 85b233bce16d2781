namespace SmartCityIndex.Domain.Weighting;

/// <summary>
/// Combines subjective weights (from experts or AHP) with objective ones (from the data: entropy, CRITIC), the usual
/// "combined weighting" (组合赋权) of Chinese evaluation practice.
/// </summary>
public static class WeightCombination
{
    private const string Method = "Combining weights";

    /// <summary>
    /// w_j = α · a_j + (1 − α) · b_j, where a and b are <paramref name="subjective"/> and <paramref name="objective"/>
    /// each divided by its own sum (so only their proportions matter). α = 1 keeps the subjective weights, α = 0 the
    /// objective ones. The result sums to 1.
    /// </summary>
    /// <param name="subjective">One weight per indicator, 0 or more, not all 0.</param>
    /// <param name="objective">One weight per indicator, in the same order, 0 or more, not all 0.</param>
    /// <param name="alpha">The share of the subjective weights, from 0 to 1.</param>
    /// <exception cref="DomainException">
    /// When the lengths differ or are 0, a weight is negative or not a number, all of one set are 0, or α is outside
    /// [0, 1].
    /// </exception>
    public static double[] Combine(ReadOnlySpan<double> subjective, ReadOnlySpan<double> objective, double alpha)
    {
        if (subjective.Length != objective.Length)
        {
            throw new DomainException(
                $"{Method}: there are {subjective.Length} subjective weights but {objective.Length} objective ones; they must be for the same indicators.");
        }

        if (subjective.Length == 0)
        {
            throw new DomainException($"{Method}: there are no weights to combine.");
        }

        if (!(alpha is >= 0 and <= 1))
        {
            throw new DomainException(
                $"{Method}: the share of the subjective weights must be between 0 and 1, not {MethodInput.Format(alpha)}.");
        }

        var a = new double[subjective.Length];
        Span<double> b = objective.Length <= MethodInput.StackLimit ? stackalloc double[objective.Length] : new double[objective.Length];
        MethodInput.Weights(subjective, subjective.Length, "The subjective weights", a);
        MethodInput.Weights(objective, objective.Length, "The objective weights", b);
        for (var j = 0; j < a.Length; j++)
        {
            a[j] = alpha * a[j] + (1 - alpha) * b[j];
        }

        return a;
    }
}
