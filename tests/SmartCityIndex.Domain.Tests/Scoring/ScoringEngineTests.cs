using SmartCityIndex.Domain.Normalisation;

namespace SmartCityIndex.Domain.Tests.Scoring;

/// <summary>Small hand-checkable cases: three units, a pillar of two indicators and a pillar of one, under an index.</summary>
public sealed class ScoringEngineTests
{
    private static IndexStructure Structure() => IndexStructure.Create(
    [
        new("A", null, 1, "P", 1, 1, IndexNodeType.Indicator),
        new("B", null, 1, "P", -1, 3, IndexNodeType.Indicator, GoalLow: 0, GoalHigh: 10),
        new("C", null, 1, "Q", 1, 1, IndexNodeType.Indicator),
        new("P", null, 2, "Index", 1, 1, IndexNodeType.Aggregate),
        new("Q", null, 2, "Index", 1, 1, IndexNodeType.Aggregate),
        new("Index", null, 3, null, 1, 1, IndexNodeType.Aggregate),
    ]);

    // Units X, Y, Z. A: 0, 5, 10; B (lower is better): 10, 0, 5; C: 1, 2, NaN.
    private static UnitData Data(double c3 = double.NaN) => new(["X", "Y", "Z"], ColumnMatrix.FromRows(
    [
        [0, 10, 1],
        [5, 0, 2],
        [10, 5, c3],
    ]));

    [Fact]
    public void Score_MissingChild_AveragesTheChildrenPresent()
    {
        var result = ScoringEngine.Score(Structure(), Data(), new ScoringOptions());

        // P = (1·A + 3·B)/4 on min-max scores: X (0 + 0)/4 = 0; Y (50 + 300)/4 = 87.5; Z (100 + 150)/4 = 62.5.
        Assert.Equal([0, 87.5, 62.5], Column(result, "P"));
        // Q = C: X 0, Y 100, Z missing. Index = mean of P and Q present: X 0, Y 93.75, Z 62.5.
        Assert.True(double.IsNaN(result.Score(2, "Q")));
        Assert.Equal([0, 93.75, 62.5], Column(result, "Index"));
        Assert.Equal([3, 1, 2], result.IndexRanks.ToArray());
    }

    [Fact]
    public void Score_CoverageThreshold_DropsUnitsWithTooLittleDataAndSaysWhich()
    {
        var result = ScoringEngine.Score(Structure(), Data(), new ScoringOptions { CoverageThreshold = 0.75 });

        Assert.True(double.IsNaN(result.Score(2, "Index")));
        Assert.Equal(0, result.IndexRanks[2]);
        Assert.Contains(result.Warnings, w => w.StartsWith("Index: 1 unit(s) have data for less than 75", StringComparison.Ordinal) && w.EndsWith(": Z.", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_HarmonicMean_IsWeightOverSumOfWeightOverValue()
    {
        var result = ScoringEngine.Score(Structure(), Data(4), new ScoringOptions { RangeLow = 1, Aggregation = AggregationMethod.Harmonic });

        // Y: A = 50.5, B = 100 (best) → P = 4 / (1/50.5 + 3/100).
        Assert.Equal(4 / (1 / 50.5 + 3 / 100.0), result.Score(1, "P"), 12);
    }

    [Fact]
    public void Score_AggregationByLevel_UsesEachLevelsMethod()
    {
        var options = new ScoringOptions { RangeLow = 1, AggregationByLevel = new Dictionary<int, AggregationMethod> { [3] = AggregationMethod.Geometric } };

        var result = ScoringEngine.Score(Structure(), Data(4), options);

        var (p, q) = (result.Score(1, "P"), result.Score(1, "Q"));
        Assert.Equal((1 * 50.5 + 3 * 100) / 4, p, 12);
        Assert.Equal(Math.Sqrt(p * q), result.Score(1, "Index"), 12);
    }

    [Fact]
    public void Score_NormalisationOverride_AppliesToThatIndicatorOnly()
    {
        var options = new ScoringOptions { NormalisationOverrides = new Dictionary<string, NormalisationMethod> { ["B"] = NormalisationMethod.Goalposts } };

        var result = ScoringEngine.Score(Structure(), Data(), options);

        Assert.Equal([0, 100, 50], Column(result, "B")); // goalposts 0–10, lower is better
        Assert.Equal([0, 50, 100], Column(result, "A"));
    }

    [Fact]
    public void Score_WeightOverrideForUnknownCode_NamesIt()
    {
        var error = Assert.Throws<DomainException>(() => ScoringEngine.Score(Structure(), Data(), new ScoringOptions { Weights = new Dictionary<string, double> { ["Nope"] = 2 } }));

        Assert.Equal("A weight is given for 'Nope', which is not in the index.", error.Message);
    }

    [Fact]
    public void Score_GeometricOnZeroToHundred_SuggestsARangeAboveZero()
    {
        var error = Assert.Throws<DomainException>(() => ScoringEngine.Score(Structure(), Data(), new ScoringOptions { Aggregation = AggregationMethod.Geometric }));

        Assert.Equal("The geometric mean needs positive values, but A of unit X is 0. Normalise to a range that starts above zero, such as 1-100 (--range 1,100).", error.Message);
    }

    [Fact]
    public void Score_TopsisWithAGap_LeavesThatUnitOutWithAWarning()
    {
        var result = ScoringEngine.Score(Structure(), Data(), new ScoringOptions { Aggregation = AggregationMethod.Topsis });

        Assert.True(double.IsNaN(result.Score(2, "Index")));
        Assert.Contains("TOPSIS needs complete data: 1 unit(s) with a gap beneath Index get no score for it.", result.Warnings);
    }

    [Fact]
    public void StrengthsAndWeaknesses_Unit_AreItsBestAndWorstIndicatorsByRank()
    {
        var result = ScoringEngine.Score(Structure(), Data(), new ScoringOptions());

        var (strengths, weaknesses) = result.StrengthsAndWeaknesses(1, count: 1);

        Assert.Equal(("B", 1), strengths.Single()); // Y has the lowest B
        Assert.Equal(("A", 2), weaknesses.Single());
    }

    [Fact]
    public void Contributions_MissingChild_RenormaliseOverWhatTheUnitHas()
    {
        var result = ScoringEngine.Score(Structure(), Data(), new ScoringOptions());

        // Z has no C: P carries the whole index; A 1/4 of it, B 3/4.
        Assert.Equal([25, 37.5, 0], result.Contributions(2));
    }

    [Fact]
    public void Validate_RangeTheWrongWayRound_Throws()
    {
        var error = Assert.Throws<DomainException>(() => ScoringEngine.Score(Structure(), Data(), new ScoringOptions { RangeLow = 100, RangeHigh = 1 }));

        Assert.Contains("low end below its high end", error.Message);
    }

    private static double[] Column(ScoreResult result, string code) =>
        [.. Enumerable.Range(0, result.Data.UnitCount).Select(u => result.Score(u, code))];
}
