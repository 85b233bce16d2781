using System.Text.Json;

namespace SmartCityIndex.Cli.Tests;

/// <summary><c>sci score</c> against COINr's results on its ASEM example, and its output formats.</summary>
public sealed class ScoreCommandTests
{
    private const int Units = 51;

    private static readonly string[] Aggregates =
        ["Physical", "ConEcFin", "Political", "Instit", "P2P", "Environ", "Social", "SusEcFin", "Conn", "Sust", "Index"];

    public static TheoryData<string, string[]> Variants => new()
    {
        { "a_minmax_amean", [] },
        { "b_zscore_amean", ["--normalise", "zscore"] },
        { "c_minmax1_gmean", ["--range", "1,100", "--aggregate", "geometric"] },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Score_AsemVariant_EveryAggregateMatchesCoinr(string variant, string[] options)
    {
        var run = CliRunner.ScoreAsem(options);

        Assert.Equal(0, run.ExitCode);
        var got = AsemFiles.ByUnit(run.Output, "output");
        var want = AsemFiles.Reference($"{variant}_aggregated.csv");
        Assert.Equal(Units, got.Count);
        var compared = 0;
        foreach (var (unit, row) in got)
        {
            foreach (var code in Aggregates)
            {
                var expected = AsemFiles.Number(want[unit][code]);
                var actual = AsemFiles.Number(row[code]);
                Assert.True(Math.Abs(actual - expected) <= 1e-9 * Math.Max(1, Math.Abs(expected)),
                    $"{variant}: {unit} {code} = {row[code]}, COINr says {want[unit][code]}");
                compared++;
            }
        }

        Assert.Equal(Units * Aggregates.Length, compared);
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void Score_AsemVariant_RankMatchesCoinrRanking(string variant, string[] options)
    {
        var run = CliRunner.ScoreAsem(options);

        var got = AsemFiles.ByUnit(run.Output, "output");
        var want = AsemFiles.Reference($"{variant}_ranking.csv");
        Assert.Equal(want.Count, got.Count);
        foreach (var (unit, row) in want)
        {
            Assert.True(row["Rank"] == got[unit]["Rank"], $"{variant}: {unit} rank {got[unit]["Rank"]}, COINr says {row["Rank"]}");
        }
    }

    [Fact]
    public void Score_Csv_HeaderIsUnitCodeAggregatesInNodeOrderThenRank()
    {
        var run = CliRunner.ScoreAsem();

        var header = run.Output[..run.Output.IndexOf('\n', StringComparison.Ordinal)].TrimEnd('\r');
        Assert.Equal("uCode," + string.Join(",", Aggregates) + ",Rank", header);
    }

    [Fact]
    public void Score_Csv_UnitsInInputOrder()
    {
        var run = CliRunner.ScoreAsem();

        var input = File.ReadAllLines(AsemFiles.Data).Skip(1).Select(l => l.Split(',')[1].Trim('"')).ToList();
        var output = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Equal(input, output);
    }

    [Fact]
    public void Score_Json_HasEveryUnitWithScoresAndRankAndWarnings()
    {
        var run = CliRunner.ScoreAsem("--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Error);
        using var document = JsonDocument.Parse(run.Output);
        var units = document.RootElement.GetProperty("units");
        Assert.Equal(Units, units.GetArrayLength());
        Assert.Equal(JsonValueKind.Array, document.RootElement.GetProperty("warnings").ValueKind);
        var first = units[0];
        Assert.Equal("AUT", first.GetProperty("uCode").GetString());
        Assert.Equal(Aggregates, first.GetProperty("scores").EnumerateObject().Select(p => p.Name));
        Assert.Equal(12, first.GetProperty("rank").GetInt32());
        var csv = AsemFiles.ByUnit(CliRunner.ScoreAsem().Output, "output");
        Assert.Equal(AsemFiles.Number(csv["AUT"]["Index"]), first.GetProperty("scores").GetProperty("Index").GetDouble());
    }

    [Fact]
    public void Score_JsonWithGaps_MissingScoreAndRankAreNull()
    {
        var run = CliRunner.ScoreAsem("--format", "json", "--aggregate", "topsis");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var unscored = document.RootElement.GetProperty("units").EnumerateArray()
            .Where(u => u.GetProperty("scores").GetProperty("Index").ValueKind == JsonValueKind.Null).ToList();
        Assert.NotEmpty(unscored);
        Assert.All(unscored, u => Assert.Equal(JsonValueKind.Null, u.GetProperty("rank").ValueKind));
        Assert.Contains(document.RootElement.GetProperty("warnings").EnumerateArray(), w => w.GetString()!.Contains("TOPSIS", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_CsvWithGaps_MissingScoreAndRankAreEmptyAndWarningsGoToStandardError()
    {
        var run = CliRunner.ScoreAsem("--aggregate", "topsis");

        Assert.Equal(0, run.ExitCode);
        var rows = AsemFiles.ByUnit(run.Output, "output");
        var unscored = rows.Values.Where(r => r["Index"].Length == 0).ToList();
        Assert.NotEmpty(unscored);
        Assert.All(unscored, r => Assert.Equal(string.Empty, r["Rank"]));
        Assert.Contains("TOPSIS needs complete data", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("TOPSIS", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_Out_WritesTheFileAndNothingToStandardOutput()
    {
        using var folder = new TempFolder();
        var path = folder.File("scores.csv");

        var run = CliRunner.ScoreAsem("--out", path);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        Assert.Equal(CliRunner.ScoreAsem().Output, File.ReadAllText(path));
    }

    [Fact]
    public void Score_OutJson_WritesParsableJson()
    {
        using var folder = new TempFolder();
        var path = folder.File("scores.json");

        var run = CliRunner.ScoreAsem("--format", "json", "--out", path);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        Assert.Equal(Units, document.RootElement.GetProperty("units").GetArrayLength());
    }

    [Fact]
    public void Score_GroupImputation_FillsGapsAndSaysSo()
    {
        var run = CliRunner.ScoreAsem("--impute", "group-mean:EurAsia_group", "--treat", "winsorise");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Imputed 63 missing value(s)", run.Error, StringComparison.Ordinal);
        Assert.Equal(Units, AsemFiles.ByUnit(run.Output, "output").Count);
    }

    [Fact]
    public void Score_SmallIndex_HandCheckedScores()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder);

        var run = CliRunner.Run("score", "--data", data, "--meta", meta);

        // Min-max to 0-100 (C reversed): A 0, 33.3, 100, 66.7; B 0, 100, 50, -; C 0, 25, -, 100.
        // Index = (1 A + 2 B + 1 C) / (sum of the weights present): 0, 64.6, 66.7, 83.3.
        Assert.Equal(0, run.ExitCode);
        var rows = AsemFiles.ByUnit(run.Output, "output");
        Assert.Equal(0, AsemFiles.Number(rows["U1"]["Index"]));
        Assert.Equal((100.0 / 3 + 200 + 25) / 4, AsemFiles.Number(rows["U2"]["Index"]), 12);
        Assert.Equal((100 + 100) / 3.0, AsemFiles.Number(rows["U3"]["Index"]), 12);
        Assert.Equal((200.0 / 3 + 100) / 2, AsemFiles.Number(rows["U4"]["Index"]), 12);
        Assert.Equal(["4", "3", "2", "1"], new[] { "U1", "U2", "U3", "U4" }.Select(u => rows[u]["Rank"]));
    }
}
