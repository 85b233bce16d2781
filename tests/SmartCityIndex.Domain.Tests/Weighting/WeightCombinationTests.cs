namespace SmartCityIndex.Domain.Tests.Weighting;

public sealed class WeightCombinationTests
{
    // Subjective 2 : 1 : 1 is 0.5, 0.25, 0.25; objective 1 : 1 : 2 is 0.25, 0.25, 0.5.
    private static readonly double[] Subjective = [2, 1, 1];
    private static readonly double[] Objective = [1, 1, 2];

    [Theory]
    [InlineData(1.0, 0.5, 0.25, 0.25)]
    [InlineData(0.0, 0.25, 0.25, 0.5)]
    [InlineData(0.5, 0.375, 0.25, 0.375)]
    [InlineData(0.2, 0.3, 0.25, 0.45)]
    public void Combine_Alpha_MixesTheNormalisedWeights(double alpha, double first, double second, double third)
    {
        var combined = WeightCombination.Combine(Subjective, Objective, alpha);

        Assert.Equal(first, combined[0], 12);
        Assert.Equal(second, combined[1], 12);
        Assert.Equal(third, combined[2], 12);
        Assert.Equal(1, combined.Sum(), 12);
    }

    [Theory]
    [InlineData(0.001, 1.0)]
    [InlineData(1000.0, 1.0)]
    [InlineData(1.0, 0.01)]
    [InlineData(7.0, 300.0)]
    public void Combine_ScaledInputs_ChangeNothing(double subjectiveFactor, double objectiveFactor)
    {
        var expected = WeightCombination.Combine(Subjective, Objective, 0.3);

        var actual = WeightCombination.Combine(
            Subjective.Select(w => w * subjectiveFactor).ToArray(), Objective.Select(w => w * objectiveFactor).ToArray(), 0.3);

        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 12);
        }
    }

    [Fact]
    public void Combine_ObjectiveWeightZero_IsAllowed()
    {
        // Entropy and CRITIC give a constant indicator weight 0.
        var combined = WeightCombination.Combine([1, 1], [1, 0], 0.5);

        Assert.Equal(0.75, combined[0], 12);
        Assert.Equal(0.25, combined[1], 12);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(1.5, "1.5")]
    [InlineData(double.NaN, "NaN")]
    public void Combine_AlphaOutsideZeroToOne_Throws(double alpha, string shown)
    {
        var error = Assert.Throws<DomainException>(() => WeightCombination.Combine(Subjective, Objective, alpha));

        Assert.Equal($"Combining weights: the share of the subjective weights must be between 0 and 1, not {shown}.", error.Message);
    }

    [Fact]
    public void Combine_LengthsDiffer_Throws()
    {
        var error = Assert.Throws<DomainException>(() => WeightCombination.Combine(Subjective, [1, 1], 0.5));

        Assert.Equal(
            "Combining weights: there are 3 subjective weights but 2 objective ones; they must be for the same indicators.",
            error.Message);
    }

    [Fact]
    public void Combine_Empty_Throws()
    {
        var error = Assert.Throws<DomainException>(() => WeightCombination.Combine([], [], 0.5));

        Assert.Equal("Combining weights: there are no weights to combine.", error.Message);
    }

    [Fact]
    public void Combine_NegativeWeight_NamesWhichOne()
    {
        var error = Assert.Throws<DomainException>(() => WeightCombination.Combine([1, -1, 1], Objective, 0.5));

        Assert.Equal("The subjective weights: the weight of indicator 2 must be a number of 0 or more, not -1.", error.Message);
    }

    [Fact]
    public void Combine_NotANumber_NamesWhichOne()
    {
        var error = Assert.Throws<DomainException>(() => WeightCombination.Combine(Subjective, [1, 1, double.NaN], 0.5));

        Assert.Equal("The objective weights: the weight of indicator 3 must be a number of 0 or more, not NaN.", error.Message);
    }

    [Fact]
    public void Combine_AllZero_Throws()
    {
        var error = Assert.Throws<DomainException>(() => WeightCombination.Combine(Subjective, [0, 0, 0], 0.5));

        Assert.Equal("The objective weights: at least one weight must be greater than 0, and their sum finite.", error.Message);
    }
}
