using SmartCityIndex.Domain.Normalisation;

namespace SmartCityIndex.Domain.Tests.Golden;

/// <summary>The engine against COINr 1.1.14 on its ASEM example: every score to 1e-9 (relative), every rank exactly.</summary>
public sealed class CoinrGoldenTests
{
    public static TheoryData<string> Variants => new() { "a_minmax_amean", "b_zscore_amean", "c_minmax1_gmean" };

    public static ScoringOptions OptionsFor(string variant) => variant switch
    {
        "a_minmax_amean" => new ScoringOptions(),
        "b_zscore_amean" => new ScoringOptions { Normalisation = NormalisationMethod.ZScore },
        "c_minmax1_gmean" => new ScoringOptions { RangeLow = 1, Aggregation = AggregationMethod.Geometric },
        _ => throw new ArgumentOutOfRangeException(nameof(variant)),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Score_AsemVariant_MatchesEveryCoinrScore(string variant)
    {
        var structure = AsemData.Structure();
        var result = ScoringEngine.Score(structure, AsemData.Data(structure), OptionsFor(variant));
        var expected = AsemData.Expected($"{variant}_aggregated.csv");

        var compared = 0;
        for (var u = 0; u < result.Data.UnitCount; u++)
        {
            var unit = result.Data.UnitCodes[u];
            foreach (var (code, want) in expected[unit])
            {
                var got = result.Score(u, code);
                Assert.True(Close(want, got), $"{variant}: {unit} {code} = {got:R}, COINr says {want:R}");
                compared++;
            }
        }

        Assert.Equal(51 * (49 + 11), compared);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Score_AsemVariant_MatchesEveryCoinrAggregateRank(string variant)
    {
        var structure = AsemData.Structure();
        var result = ScoringEngine.Score(structure, AsemData.Data(structure), OptionsFor(variant));
        var expected = AsemData.Expected($"{variant}_ranks_all_levels.csv");

        var compared = 0;
        for (var u = 0; u < result.Data.UnitCount; u++)
        {
            var unit = result.Data.UnitCodes[u];
            for (var node = structure.IndicatorCount; node < structure.NodeCount; node++)
            {
                var code = structure.Nodes[node].Code;
                Assert.True(result.Rank(u, node) == (int)expected[unit][code], $"{variant}: {unit} rank on {code} = {result.Rank(u, node)}, COINr says {expected[unit][code]}");
                compared++;
            }
        }

        Assert.Equal(51 * 11, compared);
    }

    /// <summary>
    /// Indicator ranks match COINr's exactly, except inside groups of units whose raw values are equal in the
    /// 15 significant digits of the reference files: COINr ranked them on digits beyond those (e.g. TolMin 5.1 for
    /// BGR, CZE and GRC: 24, 24, 26), while equal inputs here are a true tie and share the group's best rank.
    /// </summary>
    [Theory]
    [MemberData(nameof(Variants))]
    public void Score_AsemVariant_MatchesCoinrIndicatorRanksUpToHiddenDigits(string variant)
    {
        var structure = AsemData.Structure();
        var data = AsemData.Data(structure);
        var result = ScoringEngine.Score(structure, data, OptionsFor(variant));
        var expected = AsemData.Expected($"{variant}_ranks_all_levels.csv");

        var exact = 0;
        for (var j = 0; j < structure.IndicatorCount; j++)
        {
            var code = structure.Nodes[j].Code;
            for (var u = 0; u < data.UnitCount; u++)
            {
                var want = expected[data.UnitCodes[u]][code];
                var tiedWith = Enumerable.Range(0, data.UnitCount).Where(v => data.Values[v, j] == data.Values[u, j]).ToList();
                var got = result.Rank(u, j);
                if (double.IsNaN(want))
                {
                    Assert.Equal(0, got);
                }
                else if (tiedWith.Count == 1)
                {
                    Assert.True(got == (int)want, $"{variant}: {data.UnitCodes[u]} rank on {code} = {got}, COINr says {want}");
                    exact++;
                }
                else
                {
                    var best = tiedWith.Min(v => expected[data.UnitCodes[v]][code]);
                    Assert.True(got == (int)best, $"{variant}: {data.UnitCodes[u]} on {code} ties {tiedWith.Count} units; rank {got}, COINr's best in the tie is {best}");
                }
            }
        }

        Assert.True(exact > 1500, $"only {exact} untied indicator ranks were compared");
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Score_AsemVariant_IndexRankingMatchesCoinrRankingFile(string variant)
    {
        var structure = AsemData.Structure();
        var result = ScoringEngine.Score(structure, AsemData.Data(structure), OptionsFor(variant));
        var ranking = AsemData.Expected($"{variant}_ranking.csv");

        foreach (var (unit, row) in ranking)
        {
            var u = result.Data.UnitCodes.ToList().IndexOf(unit);
            Assert.True(Close(row["Index"], result.IndexScores[u]), $"{unit}: {result.IndexScores[u]:R} vs {row["Index"]:R}");
            Assert.Equal((int)row["Rank"], result.IndexRanks[u]);
        }
    }

    internal static bool Close(double want, double got) =>
        double.IsNaN(want) ? double.IsNaN(got) : Math.Abs(got - want) <= 1e-9 * Math.Max(1.0, Math.Abs(want));
}
