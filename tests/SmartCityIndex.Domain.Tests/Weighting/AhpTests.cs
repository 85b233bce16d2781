using System.Globalization;

namespace SmartCityIndex.Domain.Tests.Weighting;

public sealed class AhpTests
{
    private static readonly string[] Drinks = ["Coffee", "Wine", "Tea", "Beer", "Soda", "Milk", "Water"];

    // Saaty (2008), drink consumption in the US: /work/shared/data/method-oracles.md.
    private static double[,] SaatyDrinks() => new[,]
    {
        { 1, 9, 5, 2, 1, 1, 1 / 2.0 },
        { 1 / 9.0, 1, 1 / 3.0, 1 / 9.0, 1 / 9.0, 1 / 9.0, 1 / 9.0 },
        { 1 / 5.0, 3, 1, 1 / 3.0, 1 / 4.0, 1 / 3.0, 1 / 9.0 },
        { 1 / 2.0, 9, 3, 1, 1 / 2.0, 1, 1 / 3.0 },
        { 1, 9, 4, 2, 1, 2, 1 / 2.0 },
        { 1, 9, 3, 1, 1 / 2.0, 1, 1 / 3.0 },
        { 2, 9, 9, 3, 2, 3, 1 },
    };

    /// <summary>The perfectly consistent matrix of <paramref name="weights"/>: a_ij = w_i / w_j.</summary>
    private static double[,] Consistent(params double[] weights)
    {
        var matrix = new double[weights.Length, weights.Length];
        for (var i = 0; i < weights.Length; i++)
        {
            for (var j = 0; j < weights.Length; j++)
            {
                matrix[i, j] = weights[i] / weights[j];
            }
        }

        return matrix;
    }

    [Fact]
    public void Compute_SaatyDrinks_MatchesPublishedWeights()
    {
        var result = Ahp.Compute(SaatyDrinks(), Drinks);

        double[] expected = [0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327];
        Assert.Equal(expected.Length, result.Weights.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], result.Weights[i], 3);
        }

        Assert.Equal(1.0, result.Weights.Sum(), 12);
    }

    [Fact]
    public void Compute_SaatyDrinks_MatchesPublishedConsistency()
    {
        var result = Ahp.Compute(SaatyDrinks(), Drinks);

        Assert.Equal(7.1766, result.LambdaMax, 4);
        Assert.Equal((result.LambdaMax - 7) / 6, result.ConsistencyIndex, 12);
        Assert.Equal(0.022, result.ConsistencyRatio, 3);
        Assert.True(result.IsConsistent);
    }

    [Fact]
    public void Compute_SaatyDrinks_NamesWineAgainstWaterAsMostInconsistent()
    {
        var worst = Ahp.Compute(SaatyDrinks(), Drinks).MostInconsistent;

        // Wine against Water is 1/9, but the weights 0.019 / 0.327 say about 1/17.
        Assert.NotNull(worst);
        Assert.Equal((1, 6, "Wine", "Water"), (worst.Value.Row, worst.Value.Column, worst.Value.RowCriterion, worst.Value.ColumnCriterion));
        Assert.Equal(1 / 9.0, worst.Value.Given, 12);
        Assert.Equal(0.0586, worst.Value.Consistent, 4);
        Assert.Equal(worst.Value.Given / worst.Value.Consistent, worst.Value.Ratio, 12);
    }

    [Theory]
    [InlineData(0.6, 0.3, 0.1)]
    [InlineData(0.5, 0.25, 0.25)]
    [InlineData(0.4, 0.3, 0.2, 0.1)]
    [InlineData(0.1, 0.2, 0.3, 0.15, 0.25)]
    public void Compute_PerfectlyConsistentMatrix_GivesItsWeightsAndZeroRatio(params double[] weights)
    {
        var result = Ahp.Compute(Consistent(weights));

        for (var i = 0; i < weights.Length; i++)
        {
            Assert.Equal(weights[i], result.Weights[i], 12);
        }

        Assert.Equal(weights.Length, result.LambdaMax, 10);
        Assert.Equal(0, result.ConsistencyIndex, 10);
        Assert.Equal(0, result.ConsistencyRatio, 10);
        Assert.True(result.IsConsistent);
        Assert.Null(result.MostInconsistent);
    }

    [Theory]
    [InlineData(0, 1, 4)]
    [InlineData(0, 1, 0.25)]
    [InlineData(0, 3, 4)]
    [InlineData(1, 2, 0.25)]
    [InlineData(1, 3, 4)]
    [InlineData(2, 3, 0.25)]
    public void Compute_OneJudgementOffByFactorFour_NamesThatPair(int row, int column, double factor)
    {
        var matrix = Consistent(0.4, 0.3, 0.2, 0.1);
        matrix[row, column] *= factor;
        matrix[column, row] = 1 / matrix[row, column];

        var result = Ahp.Compute(matrix, ["A", "B", "C", "D"]);

        // Any single judgement off by 4 gives λmax = 4.2492, CI = 0.0831, CR = 0.0923.
        Assert.Equal(0.0923, result.ConsistencyRatio, 4);
        Assert.NotNull(result.MostInconsistent);
        Assert.Equal((row, column), (result.MostInconsistent.Value.Row, result.MostInconsistent.Value.Column));
        Assert.Equal(matrix[row, column], result.MostInconsistent.Value.Given, 12);
    }

    [Fact]
    public void Compute_StronglyInconsistentMatrix_IsNotConsistent()
    {
        // A is twice B and six times C, so B should be three times C, but the judgement says a third.
        // Weights 0.630, 0.151, 0.218; λmax = 3.5608, CI = 0.2804, CR = 0.2804 / 0.58 = 0.4835.
        var result = Ahp.Compute(new[,] { { 1, 2, 6 }, { 1 / 2.0, 1, 1 / 3.0 }, { 1 / 6.0, 3, 1 } }, ["A", "B", "C"]);

        Assert.Equal(0.6301, result.Weights[0], 4);
        Assert.Equal(3.5608, result.LambdaMax, 4);
        Assert.Equal(0.4835, result.ConsistencyRatio, 4);
        Assert.False(result.IsConsistent);
    }

    [Fact]
    public void Compute_ThreeCriteria_EveryJudgementIsEquallyInconsistent()
    {
        // With three criteria the eigenvector spreads one cycle's inconsistency evenly: each judgement is off by the
        // cube root of a12 · a23 · a31 = 2 · 1/3 · 1/6 = 1/9, a factor of 2.08. On a tie the first pair is named.
        var result = Ahp.Compute(new[,] { { 1, 2, 6 }, { 1 / 2.0, 1, 1 / 3.0 }, { 1 / 6.0, 3, 1 } }, ["A", "B", "C"]);

        Assert.Equal(("A", "B"), (result.MostInconsistent?.RowCriterion, result.MostInconsistent?.ColumnCriterion));
        var ratio = result.MostInconsistent!.Value.Ratio;
        Assert.Equal(Math.Cbrt(9), Math.Max(ratio, 1 / ratio), 6);
    }

    [Theory]
    [InlineData(1, 0.5, 0.5)]
    [InlineData(3, 0.75, 0.25)]
    [InlineData(1 / 4.0, 0.2, 0.8)]
    public void Compute_TwoCriteria_WeightsFollowTheJudgementAndRatioIsZero(double judgement, double first, double second)
    {
        var result = Ahp.Compute(new[,] { { 1, judgement }, { 1 / judgement, 1 } });

        Assert.Equal(first, result.Weights[0], 12);
        Assert.Equal(second, result.Weights[1], 12);
        Assert.Equal(0, result.ConsistencyRatio);
        Assert.True(result.IsConsistent);
        Assert.Null(result.MostInconsistent);
    }

    [Fact]
    public void Compute_OneCriterion_GetsAllTheWeight()
    {
        var result = Ahp.Compute(new double[,] { { 1 } }, ["Only"]);

        Assert.Equal(1.0, Assert.Single(result.Weights));
        Assert.Equal(1, result.LambdaMax, 12);
        Assert.Equal(0, result.ConsistencyRatio);
    }

    [Fact]
    public void Compute_ReciprocalsTypedWithThreeDecimals_AreAccepted()
    {
        var result = Ahp.Compute(new[,] { { 1, 3, 9 }, { 0.333, 1, 3 }, { 0.111, 0.333, 1 } });

        Assert.Equal(0.6923, result.Weights[0], 3);
        Assert.True(result.IsConsistent);
    }

    [Fact]
    public void Compute_NotReciprocal_NamesTheCellAndTheValueItShouldHave()
    {
        var matrix = new[,] { { 1, 2, 5 }, { 1 / 2.0, 1, 3 }, { 1 / 5.0, 1 / 2.0, 1 } };

        var error = Assert.Throws<DomainException>(() => Ahp.Compute(matrix, ["Beer", "Wine", "Tea"]));

        Assert.Equal(
            "The AHP matrix is not reciprocal: row Wine, column Tea is 3 but row Tea, column Wine is 1/2 (should be 1/3).",
            error.Message);
    }

    [Theory]
    [InlineData(0.0, "row B, column C must be a positive number, not 0.")]
    [InlineData(-3.0, "row B, column C must be a positive number, not -3.")]
    [InlineData(double.NaN, "row B, column C must be a positive number, not NaN.")]
    [InlineData(double.PositiveInfinity, "row B, column C must be a positive number, not Infinity.")]
    public void Compute_JudgementNotAPositiveNumber_NamesTheCell(double value, string expected)
    {
        var matrix = Consistent(0.5, 0.3, 0.2);
        matrix[1, 2] = value;

        var error = Assert.Throws<DomainException>(() => Ahp.Compute(matrix, ["A", "B", "C"]));

        Assert.Equal("The AHP judgement in " + expected, error.Message);
    }

    [Fact]
    public void Compute_DiagonalNotOne_NamesTheCell()
    {
        var matrix = Consistent(0.5, 0.3, 0.2);
        matrix[2, 2] = 2;

        var error = Assert.Throws<DomainException>(() => Ahp.Compute(matrix, ["A", "B", "C"]));

        Assert.Equal("The AHP matrix must have 1 on its diagonal, but row C, column C is 2.", error.Message);
    }

    [Fact]
    public void Compute_Empty_SaysSo()
    {
        var error = Assert.Throws<DomainException>(() => Ahp.Compute(new double[0, 0], []));

        Assert.Equal("The AHP matrix is empty: it needs at least one criterion.", error.Message);
    }

    [Fact]
    public void Compute_NotSquare_GivesTheSizes()
    {
        var error = Assert.Throws<DomainException>(() => Ahp.Compute(new double[3, 4]));

        Assert.Equal("The AHP matrix must be square, but it has 3 rows and 4 columns.", error.Message);
    }

    [Fact]
    public void Compute_MoreThanFifteenCriteria_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Ahp.Compute(Consistent(Enumerable.Repeat(1.0, 16).ToArray())));

        Assert.StartsWith("The AHP matrix has 16 criteria; at most 15 are supported", error.Message);
    }

    [Fact]
    public void Compute_FifteenCriteria_IsAccepted()
    {
        var result = Ahp.Compute(Consistent(Enumerable.Range(1, 15).Select(i => (double)i).ToArray()));

        Assert.Equal(15 / 120.0, result.Weights[14], 12);
        Assert.Equal(0, result.ConsistencyRatio, 10);
    }

    [Fact]
    public void Compute_NamesDoNotMatchTheMatrix_SaysHowMany()
    {
        var error = Assert.Throws<DomainException>(() => Ahp.Compute(Consistent(0.5, 0.3, 0.2), ["A", "B"]));

        Assert.Equal("The AHP matrix has 3 rows but 2 criterion names.", error.Message);
    }

    [Fact]
    public void Compute_WithoutNames_NumbersTheCriteriaInMessages()
    {
        var matrix = Consistent(0.5, 0.3, 0.2);
        matrix[0, 1] = 0;

        var error = Assert.Throws<DomainException>(() => Ahp.Compute(matrix));

        Assert.Contains("row criterion 1, column criterion 2", error.Message);
    }

    [Theory]
    [InlineData("3", 3.0)]
    [InlineData("9", 9.0)]
    [InlineData("0.5", 0.5)]
    [InlineData(".25", 0.25)]
    [InlineData("2.5", 2.5)]
    [InlineData("1/3", 1 / 3.0)]
    [InlineData(" 1 / 9 ", 1 / 9.0)]
    [InlineData("3/1", 3.0)]
    [InlineData("1/2.5", 0.4)]
    public void ParseJudgement_NumberOrFraction_ReadsIt(string text, double expected)
    {
        Assert.Equal(expected, Ahp.ParseJudgement(text), 15);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("-3")]
    [InlineData("1/0")]
    [InlineData("0/3")]
    [InlineData("3/")]
    [InlineData("/3")]
    [InlineData("1/2/3")]
    [InlineData("1,5")]
    [InlineData("1e3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void ParseJudgement_Other_ThrowsNamingTheText(string text)
    {
        var error = Assert.Throws<DomainException>(() => Ahp.ParseJudgement(text));

        Assert.Equal(
            $"'{text}' is not a pairwise judgement: enter a positive number such as 3 or 0.5, or a fraction such as 1/3.",
            error.Message);
    }

    [Fact]
    public void ParseJudgement_Null_Throws()
    {
        Assert.Throws<DomainException>(() => Ahp.ParseJudgement(null));
    }

    [Fact]
    public void ParseJudgement_CultureWithDecimalComma_StillReadsAPoint()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");

            Assert.Equal(0.5, Ahp.ParseJudgement("0.5"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Theory]
    [InlineData(3.0, "3")]
    [InlineData(1.0, "1")]
    [InlineData(1 / 3.0, "1/3")]
    [InlineData(1 / 9.0, "1/9")]
    [InlineData(0.5, "1/2")]
    [InlineData(0.45, "0.45")]
    [InlineData(2.5, "2.5")]
    [InlineData(0.333, "0.333")]
    public void FormatJudgement_Value_WritesItAsPeopleDo(double value, string expected)
    {
        Assert.Equal(expected, Ahp.FormatJudgement(value));
        Assert.Equal(value, Ahp.ParseJudgement(expected), 12);
    }

    [Theory]
    [InlineData(1, 0.0)]
    [InlineData(2, 0.0)]
    [InlineData(3, 0.58)]
    [InlineData(7, 1.32)]
    [InlineData(12, 1.48)]
    [InlineData(15, 1.59)]
    public void RandomIndex_Size_IsSaatysValue(int n, double expected)
    {
        Assert.Equal(expected, Ahp.RandomIndex(n));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16)]
    public void RandomIndex_OutsideTheTable_Throws(int n)
    {
        var error = Assert.Throws<DomainException>(() => Ahp.RandomIndex(n));

        Assert.Equal($"Saaty's random index is tabulated for 1 to 15 criteria, not {n}.", error.Message);
    }
}
