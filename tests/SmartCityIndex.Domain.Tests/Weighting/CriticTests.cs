namespace SmartCityIndex.Domain.Tests.Weighting;

public sealed class CriticTests
{
    // Diakoulaki, Mavrotas & Papayannakis (1995), as in the scikit-criteria test suite: /work/shared/data/method-oracles.md.
    private static readonly double[][] Diakoulaki =
    [
        [61, 1.08, 4.33],
        [20.7, 0.26, 4.34],
        [16.3, 1.98, 2.53],
        [9.0, 3.29, 1.65],
        [5.4, 2.77, 2.33],
        [4.0, 4.12, 1.21],
        [-6.1, 3.52, 2.10],
        [-34.6, 3.31, 0.98],
    ];

    private static readonly double[] Published = [0.20222554, 0.48090173, 0.31687273];

    private static ColumnMatrix Matrix(params double[][] rows) => ColumnMatrix.FromRows(rows);

    private static void AssertWeights(double[] expected, double[] actual, int precision)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var j = 0; j < expected.Length; j++)
        {
            Assert.Equal(expected[j], actual[j], precision);
        }
    }

    [Fact]
    public void Compute_Diakoulaki_MatchesPublishedWeights()
    {
        AssertWeights(Published, Critic.Compute(Matrix(Diakoulaki), [1, 1, 1]), 8);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Compute_FlippedDirectionAndMirroredData_GivesIdenticalWeights(int column)
    {
        var mirrored = Diakoulaki.Select(row => row.ToArray()).ToArray();
        foreach (var row in mirrored)
        {
            row[column] = -row[column];
        }

        int[] directions = [1, 1, 1];
        directions[column] = -1;

        AssertWeights(Critic.Compute(Matrix(Diakoulaki), [1, 1, 1]), Critic.Compute(Matrix(mirrored), directions), 12);
    }

    [Fact]
    public void Compute_CostDirection_ChangesTheWeights()
    {
        var weights = Critic.Compute(Matrix(Diakoulaki), [-1, 1, 1]);

        Assert.NotEqual(Published[0], weights[0], 4);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Compute_UnitMissingAValue_IsLeftOut(int column)
    {
        double[] incomplete = [1000, 1000, 1000];
        incomplete[column] = double.NaN;

        var weights = Critic.Compute(Matrix([.. Diakoulaki, incomplete]), [1, 1, 1]);

        AssertWeights(Critic.Compute(Matrix(Diakoulaki), [1, 1, 1]), weights, 12);
    }

    [Fact]
    public void Compute_ConstantIndicator_GetsZeroAndCountsAsUncorrelated()
    {
        // Scaled: x1 = 0, 1/2, 1 (sd 1/2); x2 = 0, 1, 1 (sd 1/√3); x3 constant (sd 0, so r = 0 with it).
        // r12 = 0.25 / (2 · 1/2 · 1/√3) = √3/2; Σ (1 − r) = 0 + (1 − √3/2) + 1 for both.
        // C1 = 1/2 · (2 − √3/2) = 0.566987; C2 = 1/√3 · (2 − √3/2) = 0.654701; C3 = 0.
        var weights = Critic.Compute(Matrix([0, 0, 5], [1, 1, 5], [2, 1, 5]), [1, 1, 1]);

        var conflict = 2 - Math.Sqrt(3) / 2;
        var (c1, c2) = (0.5 * conflict, conflict / Math.Sqrt(3));
        AssertWeights([c1 / (c1 + c2), c2 / (c1 + c2), 0], weights, 12);
        Assert.Equal(0.464102, weights[0], 6);
    }

    [Fact]
    public void Compute_SingleIndicator_GetsAllTheWeight()
    {
        Assert.Equal(new[] { 1.0 }, Critic.Compute(Matrix([1], [2], [3]), [1]));
    }

    [Fact]
    public void Compute_EveryIndicatorConstant_ThrowsNoInformation()
    {
        var error = Assert.Throws<DomainException>(() => Critic.Compute(Matrix([1, 2], [1, 2], [1, 2]), [1, 1]));

        Assert.Equal(
            "The data carry no information for CRITIC weights: every indicator is constant or perfectly correlated with all the others.",
            error.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Compute_PerfectlyCorrelatedIndicators_ThrowsNoInformation(int direction)
    {
        // The second indicator is 3x + 1 (or its mirror image with the direction flipped): both scale to the same values.
        var error = Assert.Throws<DomainException>(
            () => Critic.Compute(Matrix([0, direction * 1.0], [1, direction * 4.0], [5, direction * 16.0], [2, direction * 7.0]), [1, direction]));

        Assert.StartsWith("The data carry no information for CRITIC weights", error.Message);
    }

    [Fact]
    public void Compute_FewerThanThreeCompleteUnits_Throws()
    {
        var data = Matrix([1, 2], [3, double.NaN], [5, 6], [double.NaN, 8]);

        var error = Assert.Throws<DomainException>(() => Critic.Compute(data, [1, 1]));

        Assert.Equal("CRITIC weighting needs at least 3 units with a value for every indicator; the data have 2.", error.Message);
    }

    [Fact]
    public void Compute_InfiniteValue_NamesIndicatorAndUnit()
    {
        var error = Assert.Throws<DomainException>(
            () => Critic.Compute(Matrix([1, 2], [3, 4], [5, double.NegativeInfinity]), [1, 1]));

        Assert.Equal("CRITIC weighting cannot use an infinite value: indicator 2, unit 3.", error.Message);
    }

    [Theory]
    [InlineData(new[] { 1, 1 }, "CRITIC weighting got 2 directions for 3 indicators.")]
    [InlineData(new[] { 1, -2, 1 }, "The direction of indicator 2 must be 1 (higher is better) or -1 (lower is better), not -2.")]
    public void Compute_BadDirections_Throws(int[] directions, string expected)
    {
        var error = Assert.Throws<DomainException>(() => Critic.Compute(Matrix(Diakoulaki), directions));

        Assert.Equal(expected, error.Message);
    }
}
