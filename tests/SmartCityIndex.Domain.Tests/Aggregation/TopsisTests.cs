using static SmartCityIndex.Domain.Tests.Aggregation.TzengHuangOracle;

namespace SmartCityIndex.Domain.Tests.Aggregation;

public sealed class TopsisTests
{
    private static double[] Closeness(
        double[][] rows, double[] weights, int[] directions, TopsisNormalisation normalisation = TopsisNormalisation.Vector)
    {
        var closeness = new double[rows.Length];
        Topsis.Closeness(Matrix(rows), weights, directions, normalisation, closeness);
        return closeness;
    }

    [Fact]
    public void Closeness_TzengHuang_MatchesPublishedValues()
    {
        var closeness = new double[4];

        var leftOut = Topsis.Closeness(Matrix(Data), Weights, AllBenefit, closeness);

        Assert.Equal(0, leftOut);
        AssertClose([0.5037, 0.6581, 0.7482, 0.3340], closeness, 4);
    }

    [Fact]
    public void Closeness_TzengHuang_RanksAsPublished()
    {
        var closeness = Closeness(Data, Weights, AllBenefit);

        var ranks = closeness.Select(c => 1 + closeness.Count(other => other > c)).ToArray();

        Assert.Equal(new[] { 3, 2, 1, 4 }, ranks);
    }

    [Fact]
    public void Closeness_TzengHuangMinMax_MatchesReferenceImplementation()
    {
        // Min-max to [0, 1] instead of vector normalisation, computed independently in Python.
        var closeness = Closeness(Data, Weights, AllBenefit, TopsisNormalisation.MinMax);

        AssertClose([0.485281, 0.648371, 0.776791, 0.362977], closeness, 6);
    }

    [Theory]
    [InlineData(TopsisNormalisation.Vector)]
    [InlineData(TopsisNormalisation.MinMax)]
    public void Closeness_OneCostIndicator_CheapestIsIdealDearestIsAntiIdeal(TopsisNormalisation normalisation)
    {
        // One indicator, lower is better: the unit at 1 is the ideal (C = 1), the one at 3 the anti-ideal (C = 0),
        // and the one at 2 lies halfway between them (C = 0.5).
        var closeness = Closeness([[1], [3], [2]], [1], [-1], normalisation);

        AssertClose([1, 0, 0.5], closeness, 12);
    }

    [Theory]
    [InlineData(TopsisNormalisation.Vector, 0.001)]
    [InlineData(TopsisNormalisation.Vector, 1000.0)]
    [InlineData(TopsisNormalisation.MinMax, 0.001)]
    [InlineData(TopsisNormalisation.MinMax, 1000.0)]
    public void Closeness_ScaledWeights_ChangeNothing(TopsisNormalisation normalisation, double factor)
    {
        var expected = Closeness(Data, Weights, AllBenefit, normalisation);

        var actual = Closeness(Data, Weights.Select(w => w * factor).ToArray(), AllBenefit, normalisation);

        AssertClose(expected, actual, 12);
    }

    [Theory]
    [InlineData(TopsisNormalisation.Vector, 0)]
    [InlineData(TopsisNormalisation.Vector, 2)]
    [InlineData(TopsisNormalisation.MinMax, 0)]
    [InlineData(TopsisNormalisation.MinMax, 1)]
    public void Closeness_FlippedDirectionAndMirroredData_GivesIdenticalResults(TopsisNormalisation normalisation, int column)
    {
        var mirrored = Data.Select(row => row.ToArray()).ToArray();
        foreach (var row in mirrored)
        {
            row[column] = -row[column];
        }

        int[] directions = [1, 1, 1];
        directions[column] = -1;

        AssertClose(
            Closeness(Data, Weights, AllBenefit, normalisation),
            Closeness(mirrored, Weights, directions, normalisation),
            12);
    }

    [Fact]
    public void Closeness_ZeroWeight_IsTheSameAsLeavingTheIndicatorOut()
    {
        var twoIndicators = Data.Select(row => row[..2]).ToArray();

        AssertClose(
            Closeness(twoIndicators, [0.3, 0.4], [1, 1]),
            Closeness(Data, [0.3, 0.4, 0], AllBenefit),
            12);
    }

    [Theory]
    [InlineData(TopsisNormalisation.Vector)]
    [InlineData(TopsisNormalisation.MinMax)]
    public void Closeness_UnitMissingAValue_GetsNaNAndOthersAreComputedWithoutIt(TopsisNormalisation normalisation)
    {
        // The extra unit would be the ideal on the first indicator if it counted.
        double[][] withGap = [.. Data, [100, double.NaN, 1]];
        var closeness = new double[5];

        var leftOut = Topsis.Closeness(Matrix(withGap), Weights, AllBenefit, normalisation, closeness);

        Assert.Equal(1, leftOut);
        Assert.True(double.IsNaN(closeness[4]));
        AssertClose(Closeness(Data, Weights, AllBenefit, normalisation), closeness[..4], 12);
    }

    [Fact]
    public void Closeness_EveryUnitIncomplete_AllNaN()
    {
        var closeness = new double[2];

        var leftOut = Topsis.Closeness(Matrix([1, double.NaN], [double.NaN, 2]), [1, 1], [1, 1], closeness);

        Assert.Equal(2, leftOut);
        Assert.All(closeness, c => Assert.True(double.IsNaN(c)));
    }

    [Theory]
    [InlineData(TopsisNormalisation.Vector)]
    [InlineData(TopsisNormalisation.MinMax)]
    public void Closeness_AllUnitsIdentical_EveryoneIsIdeal(TopsisNormalisation normalisation)
    {
        var closeness = Closeness([[3, 0], [3, 0], [3, 0]], [1, 1], [1, -1], normalisation);

        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, closeness);
    }

    [Fact]
    public void Closeness_NegativeAndPositiveValues_StayBetweenZeroAndOne()
    {
        var closeness = Closeness([[-5, 2], [0, -1], [4, 3]], [1, 2], [1, -1]);

        Assert.All(closeness, c => Assert.InRange(c, 0, 1));
    }

    [Fact]
    public void Closeness_ManyUnits_UsesTheHeapScratchAndAgreesWithFewer()
    {
        // 1000 units (beyond the stack buffer): copies of the four, so each copy gets the same closeness.
        var many = Enumerable.Range(0, 250).SelectMany(_ => Data).ToArray();

        var closeness = Closeness(many, Weights, AllBenefit);

        AssertClose([0.5037, 0.6581, 0.7482, 0.3340], closeness[996..], 4);
    }

    [Fact]
    public void Closeness_WrongNumberOfWeights_Throws()
    {
        var error = Assert.Throws<DomainException>(() => Closeness(Data, [0.5, 0.5], AllBenefit));

        Assert.Equal("TOPSIS got 2 weights for 3 indicators.", error.Message);
    }

    [Theory]
    [InlineData(-0.1, "-0.1")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void Closeness_BadWeight_NamesTheIndicator(double weight, string shown)
    {
        var error = Assert.Throws<DomainException>(() => Closeness(Data, [0.3, weight, 0.3], AllBenefit));

        Assert.Equal($"TOPSIS: the weight of indicator 2 must be a number of 0 or more, not {shown}.", error.Message);
    }

    [Fact]
    public void Closeness_AllWeightsZero_Throws()
    {
        var error = Assert.Throws<DomainException>(() => Closeness(Data, [0, 0, 0], AllBenefit));

        Assert.Equal("TOPSIS: at least one weight must be greater than 0, and their sum finite.", error.Message);
    }

    [Theory]
    [InlineData(new[] { 1, 1 }, "TOPSIS got 2 directions for 3 indicators.")]
    [InlineData(new[] { 1, 1, 0 }, "The direction of indicator 3 must be 1 (higher is better) or -1 (lower is better), not 0.")]
    public void Closeness_BadDirections_Throws(int[] directions, string expected)
    {
        var error = Assert.Throws<DomainException>(() => Closeness(Data, Weights, directions));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Closeness_OutputOfWrongLength_Throws()
    {
        var error = Assert.Throws<DomainException>(
            () => Topsis.Closeness(Matrix(Data), Weights, AllBenefit, new double[3]));

        Assert.Equal("TOPSIS needs room for 4 results, one per unit, but got 3.", error.Message);
    }

    [Fact]
    public void Closeness_InfiniteValue_NamesIndicatorAndUnit()
    {
        var error = Assert.Throws<DomainException>(
            () => Closeness([[1, 2], [3, double.NegativeInfinity]], [1, 1], [1, 1]));

        Assert.Equal("TOPSIS cannot use an infinite value: indicator 2, unit 2.", error.Message);
    }

    [Fact]
    public void Closeness_NoIndicators_Throws()
    {
        var error = Assert.Throws<DomainException>(
            () => Topsis.Closeness(new ColumnMatrix([], 2, 0), [], [], new double[2]));

        Assert.Equal("TOPSIS needs at least one indicator; the data have none.", error.Message);
    }
}
