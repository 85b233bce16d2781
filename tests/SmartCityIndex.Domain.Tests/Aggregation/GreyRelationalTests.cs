using static SmartCityIndex.Domain.Tests.Aggregation.TzengHuangOracle;

namespace SmartCityIndex.Domain.Tests.Aggregation;

public sealed class GreyRelationalTests
{
    // The TOPSIS oracle's data (TzengHuangOracle), all higher-is-better, weights 0.3, 0.4, 0.3. By hand:
    //   scaled  x1 = 0, 2/3, 1, 2/3   x2 = 1, 1/2, 1, 0   x3 = 0, 1, 1/2, 1/2
    //   d = 1−x d1 = 1, 1/3, 0, 1/3   d2 = 0, 1/2, 0, 1   d3 = 1, 0, 1/2, 1/2      dmin = 0, dmax = 1
    //   ζ = 0.5: ξ = 0.5 / (d + 0.5), so d = 0 → 1, 1/3 → 0.6, 1/2 → 0.5, 1 → 1/3
    //   unit 1: 0.3/3 + 0.4 + 0.3/3 = 0.6;    unit 2: 0.18 + 0.2 + 0.3 = 0.68
    //   unit 3: 0.3 + 0.4 + 0.15 = 0.85;     unit 4: 0.18 + 0.4/3 + 0.15 = 0.463333
    //   ζ = 1:   ξ = 1 / (d + 1),   so d = 0 → 1, 1/3 → 0.75, 1/2 → 2/3, 1 → 0.5
    //   unit 1: 0.15 + 0.4 + 0.15 = 0.7;     unit 2: 0.225 + 0.4·2/3 + 0.3 = 0.791667
    //   unit 3: 0.3 + 0.4 + 0.2 = 0.9;       unit 4: 0.225 + 0.2 + 0.2 = 0.625
    private static double[] Grades(double[][] rows, double[] weights, int[] directions, double zeta = 0.5)
    {
        var grades = new double[rows.Length];
        GreyRelational.Grade(Matrix(rows), weights, directions, zeta, grades);
        return grades;
    }

    [Fact]
    public void Grade_HandExample_MatchesHandComputation()
    {
        var grades = new double[4];

        var leftOut = GreyRelational.Grade(Matrix(Data), Weights, AllBenefit, grades);

        Assert.Equal(0, leftOut);
        AssertClose([0.6, 0.68, 0.85, 0.463333], grades, 6);
    }

    [Fact]
    public void Grade_HandExampleZetaOne_MatchesHandComputation()
    {
        AssertClose([0.7, 0.791667, 0.9, 0.625], Grades(Data, Weights, AllBenefit, zeta: 1), 6);
    }

    [Fact]
    public void Grade_CostIndicators_HandExample()
    {
        // Lower is better on both: scaled (1, 0), (0, 1), (0.5, 0.5); d = (0, 1), (1, 0), (0.5, 0.5);
        // ξ = (1, 1/3), (1/3, 1), (0.5, 0.5); equal weights: 2/3, 2/3, 0.5.
        var grades = Grades([[1, 20], [3, 10], [2, 15]], [1, 1], [-1, -1]);

        AssertClose([2 / 3.0, 2 / 3.0, 0.5], grades, 12);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void Grade_UnitBestOnEveryIndicator_GetsOne(double zeta)
    {
        // Unit 2 has the highest benefit values and the lowest cost value.
        var grades = Grades([[1, 5, 9], [4, 7, 2], [3, 6, 5]], [0.2, 0.5, 0.3], [1, 1, -1], zeta);

        Assert.Equal(1, grades[1], 12);
        Assert.All(grades, g => Assert.InRange(g, zeta / (1 + zeta) - 1e-12, 1 + 1e-12));
    }

    [Theory]
    [InlineData(0.001)]
    [InlineData(1000.0)]
    public void Grade_ScaledWeights_ChangeNothing(double factor)
    {
        AssertClose(
            Grades(Data, Weights, AllBenefit),
            Grades(Data, Weights.Select(w => w * factor).ToArray(), AllBenefit),
            12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Grade_FlippedDirectionAndMirroredData_GivesIdenticalResults(int column)
    {
        var mirrored = Data.Select(row => row.ToArray()).ToArray();
        foreach (var row in mirrored)
        {
            row[column] = -row[column];
        }

        int[] directions = [1, 1, 1];
        directions[column] = -1;

        AssertClose(Grades(Data, Weights, AllBenefit), Grades(mirrored, Weights, directions), 12);
    }

    [Fact]
    public void Grade_UnitMissingAValue_GetsNaNAndOthersAreComputedWithoutIt()
    {
        // The extra unit would stretch the first indicator's range if it counted.
        double[][] withGap = [.. Data, [100, 8, double.NaN]];
        var grades = new double[5];

        var leftOut = GreyRelational.Grade(Matrix(withGap), Weights, AllBenefit, grades);

        Assert.Equal(1, leftOut);
        Assert.True(double.IsNaN(grades[4]));
        AssertClose([0.6, 0.68, 0.85, 0.463333], grades[..4], 6);
    }

    [Fact]
    public void Grade_EveryUnitIncomplete_AllNaN()
    {
        var grades = new double[2];

        var leftOut = GreyRelational.Grade(Matrix([1, double.NaN], [double.NaN, 2]), [1, 1], [1, 1], grades);

        Assert.Equal(2, leftOut);
        Assert.All(grades, g => Assert.True(double.IsNaN(g)));
    }

    [Fact]
    public void Grade_EveryIndicatorConstant_EveryoneGetsOne()
    {
        Assert.Equal(new[] { 1.0, 1.0, 1.0 }, Grades([[3, 7], [3, 7], [3, 7]], [1, 2], [1, -1]));
    }

    [Fact]
    public void Grade_OneIndicatorConstant_CountsAsOneForEveryone()
    {
        // Indicator 2 is constant (ξ = 1 for all); indicator 1 gives ξ = 1/3, 1 (ζ = 0.5): grades (1/3 + 1)/2 and 1.
        var grades = Grades([[1, 4], [2, 4]], [1, 1], [1, 1]);

        AssertClose([2 / 3.0, 1], grades, 12);
    }

    [Theory]
    [InlineData(0.0, "0")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(1.01, "1.01")]
    [InlineData(double.NaN, "NaN")]
    public void Grade_ZetaOutsideZeroToOne_Throws(double zeta, string shown)
    {
        var error = Assert.Throws<DomainException>(() => Grades(Data, Weights, AllBenefit, zeta));

        Assert.Equal($"The grey relational coefficient ζ must be greater than 0 and at most 1, not {shown}.", error.Message);
    }

    [Fact]
    public void Grade_WrongNumberOfWeights_Throws()
    {
        var error = Assert.Throws<DomainException>(() => Grades(Data, [1, 1, 1, 1], AllBenefit));

        Assert.Equal("Grey relational analysis got 4 weights for 3 indicators.", error.Message);
    }

    [Fact]
    public void Grade_NegativeWeight_NamesTheIndicator()
    {
        var error = Assert.Throws<DomainException>(() => Grades(Data, [-1, 1, 1], AllBenefit));

        Assert.Equal("Grey relational analysis: the weight of indicator 1 must be a number of 0 or more, not -1.", error.Message);
    }

    [Theory]
    [InlineData(new[] { 1, 1, 1, 1 }, "Grey relational analysis got 4 directions for 3 indicators.")]
    [InlineData(new[] { 0, 1, 1 }, "The direction of indicator 1 must be 1 (higher is better) or -1 (lower is better), not 0.")]
    public void Grade_BadDirections_Throws(int[] directions, string expected)
    {
        var error = Assert.Throws<DomainException>(() => Grades(Data, Weights, directions));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Grade_OutputOfWrongLength_Throws()
    {
        var error = Assert.Throws<DomainException>(
            () => GreyRelational.Grade(Matrix(Data), Weights, AllBenefit, new double[5]));

        Assert.Equal("Grey relational analysis needs room for 4 results, one per unit, but got 5.", error.Message);
    }

    [Fact]
    public void Grade_InfiniteValue_NamesIndicatorAndUnit()
    {
        var error = Assert.Throws<DomainException>(() => Grades([[1, 2], [double.PositiveInfinity, 4]], [1, 1], [1, 1]));

        Assert.Equal("Grey relational analysis cannot use an infinite value: indicator 1, unit 2.", error.Message);
    }
}
