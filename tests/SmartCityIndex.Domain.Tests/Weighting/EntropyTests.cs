namespace SmartCityIndex.Domain.Tests.Weighting;

public sealed class EntropyTests
{
    // Elsayed et al. (2017), as in the pymcdm test suite: /work/shared/data/method-oracles.md.
    private static readonly double[][] Elsayed =
    [
        [7, 312, 1891, 6613, 163],
        [72, 88, 728, 941804, 1078],
        [10, 252, 2594, 3466, 117471],
        [10, 145, 980, 2371, 86329],
        [65, 54, 350, 501, 29897],
        [29, 48, 380, 912, 34051],
        [7, 476, 3300, 78470, 2212],
        [70, 87, 650, 733, 819000],
        [4, 86, 591, 3015, 103],
        [12, 79, 579, 3240, 96098],
        [21, 45, 261, 1253, 453],
        [1, 72, 530, 4333, 0.104800],
    ];

    private static readonly int[] AllBenefit = [1, 1, 1, 1, 1];

    private static ColumnMatrix Matrix(params double[][] rows) => ColumnMatrix.FromRows(rows);

    [Fact]
    public void Compute_ElsayedRaw_MatchesPublishedWeights()
    {
        var weights = Entropy.Compute(Matrix(Elsayed), AllBenefit, EntropyPreparation.Raw);

        double[] expected = [0.104991, 0.069124, 0.071373, 0.449937, 0.304575];
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], weights[j], 6);
        }
    }

    [Fact]
    public void Compute_ElsayedMinMax_MatchesReferenceImplementation()
    {
        // The same formulas after min-max to [0, 1], computed independently in Python.
        var weights = Entropy.Compute(Matrix(Elsayed), AllBenefit);

        double[] expected = [0.10008748, 0.13004256, 0.11152377, 0.39489955, 0.26344664];
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], weights[j], 8);
        }
    }

    [Fact]
    public void Compute_HandExample_MatchesHandComputation()
    {
        // Column 1 scales to 0, 0, 0, 1: p = (0, 0, 0, 1), e = 0, d = 1.
        // Column 2 scales to 0, 1, 1, 1: p = 1/3 three times, e = ln 3 / ln 4 = 0.792481, d = 0.207519.
        // w = (1, 0.207519) / 1.207519.
        var weights = Entropy.Compute(Matrix([0, 0], [0, 1], [0, 1], [1, 1]), [1, 1]);

        Assert.Equal(1 / 1.207519, weights[0], 6);
        Assert.Equal(0.207519 / 1.207519, weights[1], 6);
    }

    [Fact]
    public void Compute_MissingValue_IgnoredInItsIndicatorOnly()
    {
        // Column 1 as above over its 4 values (d = 1); column 2 scales to 0, 1, 1, 1, 1 over 5 values:
        // e = ln 4 / ln 5 = 0.861353, d = 0.138647.
        var weights = Entropy.Compute(Matrix([0, 0], [0, 1], [0, 1], [1, 1], [double.NaN, 1]), [1, 1]);

        Assert.Equal(1 / 1.138647, weights[0], 6);
        Assert.Equal(0.138647 / 1.138647, weights[1], 6);
    }

    [Theory]
    [InlineData(EntropyPreparation.MinMax)]
    [InlineData(EntropyPreparation.Raw)]
    public void Compute_UnitMissingEverything_ChangesNothing(EntropyPreparation preparation)
    {
        var withGap = Elsayed.Append([double.NaN, double.NaN, double.NaN, double.NaN, double.NaN]).ToArray();

        Assert.Equal(
            Entropy.Compute(Matrix(Elsayed), AllBenefit, preparation),
            Entropy.Compute(Matrix(withGap), AllBenefit, preparation));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(4)]
    public void Compute_MinMaxFlippedDirectionAndMirroredData_GivesIdenticalWeights(int column)
    {
        int[] directions = [1, -1, 1, -1, 1];
        var mirrored = Elsayed.Select(row => row.ToArray()).ToArray();
        foreach (var row in mirrored)
        {
            row[column] = -row[column];
        }

        int[] flipped = [.. directions];
        flipped[column] = -flipped[column];

        var expected = Entropy.Compute(Matrix(Elsayed), directions);
        var actual = Entropy.Compute(Matrix(mirrored), flipped);

        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 14);
        }
    }

    [Fact]
    public void Compute_MinMaxCostDirection_ChangesTheWeights()
    {
        var benefit = Entropy.Compute(Matrix(Elsayed), AllBenefit);
        var cost = Entropy.Compute(Matrix(Elsayed), [-1, 1, 1, 1, 1]);

        Assert.NotEqual(benefit[0], cost[0], 6);
    }

    [Fact]
    public void Compute_Raw_IgnoresDirections()
    {
        Assert.Equal(
            Entropy.Compute(Matrix(Elsayed), AllBenefit, EntropyPreparation.Raw),
            Entropy.Compute(Matrix(Elsayed), [-1, -1, 1, -1, 1], EntropyPreparation.Raw));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(1000)]
    public void Compute_RawColumnRescaled_ChangesNothing(double factor)
    {
        var rescaled = Elsayed.Select(row => row.Select(x => x * factor).ToArray()).ToArray();

        var expected = Entropy.Compute(Matrix(Elsayed), AllBenefit, EntropyPreparation.Raw);
        var actual = Entropy.Compute(Matrix(rescaled), AllBenefit, EntropyPreparation.Raw);

        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], 12);
        }
    }

    [Theory]
    [InlineData(EntropyPreparation.MinMax)]
    [InlineData(EntropyPreparation.Raw)]
    public void Compute_ConstantIndicator_GetsWeightZero(EntropyPreparation preparation)
    {
        var weights = Entropy.Compute(Matrix([1, 5], [2, 5], [4, 5]), [1, 1], preparation);

        Assert.Equal(1, weights[0], 12);
        Assert.Equal(0, weights[1]);
    }

    [Fact]
    public void Compute_RawColumnOfZeros_GetsWeightZero()
    {
        var weights = Entropy.Compute(Matrix([1, 0], [2, 0], [4, 0]), [1, 1], EntropyPreparation.Raw);

        Assert.Equal(new[] { 1.0, 0.0 }, weights);
    }

    [Fact]
    public void Compute_IndicatorWithOneValue_GetsWeightZero()
    {
        var weights = Entropy.Compute(Matrix([1, double.NaN], [2, 7], [4, double.NaN]), [1, 1]);

        Assert.Equal(new[] { 1.0, 0.0 }, weights);
    }

    [Theory]
    [InlineData(EntropyPreparation.MinMax)]
    [InlineData(EntropyPreparation.Raw)]
    public void Compute_EveryIndicatorConstant_ThrowsNoInformation(EntropyPreparation preparation)
    {
        var error = Assert.Throws<DomainException>(() => Entropy.Compute(Matrix([3, 5], [3, 5]), [1, -1], preparation));

        Assert.StartsWith("The data carry no information for entropy weights", error.Message);
    }

    [Fact]
    public void Compute_RawNegativeValue_NamesIndicatorAndUnit()
    {
        var error = Assert.Throws<DomainException>(
            () => Entropy.Compute(Matrix([1, 2], [3, 4], [5, -6]), [1, 1], EntropyPreparation.Raw));

        Assert.Equal(
            "Entropy weights on raw data need values of 0 or more, but indicator 2, unit 3 is -6. Use min-max preparation instead.",
            error.Message);
    }

    [Fact]
    public void Compute_MinMaxNegativeValues_AreFine()
    {
        var weights = Entropy.Compute(Matrix([-1, 2], [-3, 4], [5, -6]), [1, 1]);

        Assert.Equal(1, weights.Sum(), 12);
    }

    [Fact]
    public void Compute_InfiniteValue_NamesIndicatorAndUnit()
    {
        var error = Assert.Throws<DomainException>(
            () => Entropy.Compute(Matrix([1, 2], [double.PositiveInfinity, 4]), [1, 1]));

        Assert.Equal("Entropy weighting cannot use an infinite value: indicator 1, unit 2.", error.Message);
    }

    [Theory]
    [InlineData(new[] { 1 }, "Entropy weighting got 1 directions for 2 indicators.")]
    [InlineData(new[] { 1, 0 }, "The direction of indicator 2 must be 1 (higher is better) or -1 (lower is better), not 0.")]
    [InlineData(new[] { 2, 1 }, "The direction of indicator 1 must be 1 (higher is better) or -1 (lower is better), not 2.")]
    public void Compute_BadDirections_Throws(int[] directions, string expected)
    {
        var error = Assert.Throws<DomainException>(() => Entropy.Compute(Matrix([1, 2], [3, 4]), directions));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Compute_NoIndicators_Throws()
    {
        var error = Assert.Throws<DomainException>(() => Entropy.Compute(new ColumnMatrix([], 3, 0), []));

        Assert.Equal("Entropy weighting needs at least one indicator; the data have none.", error.Message);
    }
}
