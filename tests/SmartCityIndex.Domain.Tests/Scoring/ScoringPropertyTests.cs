using SmartCityIndex.Domain.Normalisation;

namespace SmartCityIndex.Domain.Tests.Scoring;

public sealed class ScoringPropertyTests
{
    public static TheoryData<int, AggregationMethod> SeedsAndMethods()
    {
        var data = new TheoryData<int, AggregationMethod>();
        foreach (var seed in new[] { 1, 2, 3 })
        {
            foreach (var method in new[] { AggregationMethod.Arithmetic, AggregationMethod.Geometric, AggregationMethod.Harmonic, AggregationMethod.Topsis, AggregationMethod.GreyRelational })
            {
                data.Add(seed, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeedsAndMethods))]
    public void Score_AllWeightsScaled_ChangesNothing(int seed, AggregationMethod method)
    {
        var (structure, data) = RandomIndex.Create(seed, missingShare: method is AggregationMethod.Topsis or AggregationMethod.GreyRelational ? 0 : 0.05);
        var options = new ScoringOptions { Aggregation = method, RangeLow = 1 };
        var scaled = options with { Weights = structure.Codes.Select((c, i) => (c, w: structure.Weights[i] * 7.3)).ToDictionary(p => p.c, p => p.w) };

        var a = ScoringEngine.Score(structure, data, options);
        var b = ScoringEngine.Score(structure, data, scaled);

        for (var i = 0; i < a.Scores.Data.Length; i++)
        {
            var (x, y) = (a.Scores.Data[i], b.Scores.Data[i]);
            Assert.True(double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Abs(x)), $"{x:R} became {y:R}");
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Normalise_DirectionReversed_MirrorsMinMaxScores(int seed)
    {
        var (structure, data) = RandomIndex.Create(seed);
        var flipped = IndexStructure.Create(structure.Nodes.Select((n, i) => i == 0 ? n with { Direction = -n.Direction } : n));

        var a = ScoringEngine.Score(structure, data, new ScoringOptions { RangeLow = 10, RangeHigh = 90 });
        var b = ScoringEngine.Score(flipped, data, new ScoringOptions { RangeLow = 10, RangeHigh = 90 });

        for (var u = 0; u < data.UnitCount; u++)
        {
            var (x, y) = (a.Scores[u, 0], b.Scores[u, 0]);
            Assert.True(double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x + y - 100) < 1e-9, $"unit {u}: {x} and {y} do not mirror around 50");
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    [InlineData(23)]
    public void Score_OneValueRaised_NeverLowersThatUnitsArithmeticComposite(int seed)
    {
        var (structure, data) = RandomIndex.Create(seed);
        var before = ScoringEngine.Score(structure, data, new ScoringOptions());
        var random = new Random(seed);

        for (var trial = 0; trial < 50; trial++)
        {
            var u = random.Next(data.UnitCount);
            var j = random.Next(structure.IndicatorCount);
            if (double.IsNaN(data.Values[u, j]))
            {
                continue;
            }

            var values = data.Values.Clone();
            values[u, j] += structure.Directions[j] * (1 + random.NextDouble() * 1000); // better on that indicator
            var after = ScoringEngine.Score(structure, RandomIndex.WithValues(data, values), new ScoringOptions());

            Assert.True(after.IndexScores[u] >= before.IndexScores[u] - 1e-12,
                $"unit {u} improved on {structure.Nodes[j].Code} but its index fell from {before.IndexScores[u]} to {after.IndexScores[u]}");
        }
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Contributions_AnyUnit_AddUpToTheIndexScore(int seed)
    {
        var (structure, data) = RandomIndex.Create(seed);
        var result = ScoringEngine.Score(structure, data, new ScoringOptions());

        for (var u = 0; u < data.UnitCount; u++)
        {
            Assert.Equal(result.IndexScores[u], result.Contributions(u).Sum(), 9);
        }
    }

    [Fact]
    public void Score_RankNormalisation_GivesEvenlySpacedPercentiles()
    {
        var (structure, data) = RandomIndex.Create(41, units: 11, missingShare: 0);

        var result = ScoringEngine.Score(structure, data, new ScoringOptions { Normalisation = NormalisationMethod.Rank });

        var column = result.Scores.Column(0).ToArray().Order().ToArray();
        Assert.Equal(Enumerable.Range(0, 11).Select(i => i * 10.0), column.Select(v => Math.Round(v, 9)));
    }
}
