using System.Text.Json;

namespace SmartCityIndex.Cli.Tests;

/// <summary><c>sci weights</c> against the published examples in method-oracles.md.</summary>
public sealed class WeightsCommandTests
{
    /// <summary>Saaty (2008): relative consumption of drinks in the United States.</summary>
    internal static readonly string[] Beverages =
    [
        ",Coffee,Wine,Tea,Beer,Soda,Milk,Water",
        "Coffee,1,9,5,2,1,1,1/2",
        "Wine,1/9,1,1/3,1/9,1/9,1/9,1/9",
        "Tea,1/5,3,1,1/3,1/4,1/3,1/9",
        "Beer,1/2,9,3,1,1/2,1,1/3",
        "Soda,1,9,4,2,1,2,1/2",
        "Milk,1,9,3,1,1/2,1,1/3",
        "Water,2,9,9,3,2,3,1",
    ];

    /// <summary>Meta for indicators I1..In under one aggregate, all higher-is-better.</summary>
    private static string[] MetaFor(int indicators) =>
    [
        "iCode,iName,Level,Parent,Direction,Weight,Type",
        .. Enumerable.Range(1, indicators).Select(j => $"I{j},Indicator {j},1,Index,1,1,Indicator"),
        "Index,Index,2,,,1,Aggregate",
    ];

    private static string[] DataFor(string[] rows) =>
    [
        "uCode," + string.Join(",", Enumerable.Range(1, rows[0].Split(',').Length).Select(j => $"I{j}")),
        .. rows.Select((r, i) => $"U{i + 1},{r}"),
    ];

    [Fact]
    public void Ahp_SaatyBeverages_MatchesPublishedWeightsAndConsistency()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("weights", "ahp", "--matrix", folder.Write("beverages.csv", Beverages));

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var root = document.RootElement;
        var weights = root.GetProperty("weights").EnumerateObject().ToList();
        Assert.Equal(["Coffee", "Wine", "Tea", "Beer", "Soda", "Milk", "Water"], weights.Select(w => w.Name));
        Assert.Equal([0.177, 0.019, 0.042, 0.116, 0.190, 0.129, 0.327], weights.Select(w => Math.Round(w.Value.GetDouble(), 3)));
        Assert.Equal(7.1766, Math.Round(root.GetProperty("lambdaMax").GetDouble(), 4));
        Assert.Equal(0.022, Math.Round(root.GetProperty("cr").GetDouble(), 3));
        Assert.Equal((root.GetProperty("lambdaMax").GetDouble() - 7) / 6, root.GetProperty("ci").GetDouble(), 12);
        Assert.True(root.GetProperty("consistent").GetBoolean());
        Assert.Equal(JsonValueKind.Object, root.GetProperty("mostInconsistent").ValueKind);
    }

    [Fact]
    public void Ahp_TextFormat_PrintsTableAndConsistency()
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("weights", "ahp", "--matrix", folder.Write("beverages.csv", Beverages), "--format", "text");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Water      0.3268", run.Output, StringComparison.Ordinal);
        Assert.Contains("lambda max  7.1766", run.Output, StringComparison.Ordinal);
        Assert.Contains("CR          0.0223  consistent", run.Output, StringComparison.Ordinal);
        Assert.Contains("Most inconsistent judgement: Wine vs Water", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ahp_PerfectlyConsistentMatrix_HasNoMostInconsistent()
    {
        using var folder = new TempFolder();
        var path = folder.Write("m.csv", ",A,B,C", "A,1,2,4", "B,0.5,1,2", "C,1/4,1/2,1");

        var run = CliRunner.Run("weights", "ahp", "--matrix", path);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        Assert.False(document.RootElement.TryGetProperty("mostInconsistent", out _));
        Assert.Equal(4.0 / 7, document.RootElement.GetProperty("weights").GetProperty("A").GetDouble(), 9);
    }

    /// <summary>Elsayed et al. (2017) as in pymcdm's tests: raw data, no directions.</summary>
    [Fact]
    public void Entropy_ElsayedRawData_MatchesPublishedWeights()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder, DataFor(
        [
            "7,312,1891,6613,163", "72,88,728,941804,1078", "10,252,2594,3466,117471", "10,145,980,2371,86329",
            "65,54,350,501,29897", "29,48,380,912,34051", "7,476,3300,78470,2212", "70,87,650,733,819000",
            "4,86,591,3015,103", "12,79,579,3240,96098", "21,45,261,1253,453", "1,72,530,4333,0.104800",
        ]), MetaFor(5));

        var run = CliRunner.Run("weights", "entropy", "--data", data, "--meta", meta, "--prepare", "raw");

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var weights = document.RootElement.GetProperty("weights").EnumerateObject().ToList();
        Assert.Equal(["I1", "I2", "I3", "I4", "I5"], weights.Select(w => w.Name));
        Assert.Equal([0.104991, 0.069124, 0.071373, 0.449937, 0.304575], weights.Select(w => Math.Round(w.Value.GetDouble(), 6)));
    }

    [Fact]
    public void Entropy_MinMaxDefault_UsesDirectionsAndSumsToOne()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder);

        var run = CliRunner.Run("weights", "entropy", "--data", data, "--meta", meta, "--format", "text");

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Indicator  Weight", lines[0]);
        Assert.Equal(["A", "B", "C"], lines.Skip(1).Select(l => l.Split(' ')[0]));
        var sum = lines.Skip(1).Sum(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, sum, 3);
    }

    /// <summary>Diakoulaki et al. (1995) as in scikit-criteria's tests.</summary>
    [Fact]
    public void Critic_DiakoulakiData_MatchesPublishedWeights()
    {
        using var folder = new TempFolder();
        var (data, meta) = SmallIndex.WriteTo(folder, DataFor(
        [
            "61,1.08,4.33", "20.7,0.26,4.34", "16.3,1.98,2.53", "9.0,3.29,1.65",
            "5.4,2.77,2.33", "4.0,4.12,1.21", "-6.1,3.52,2.10", "-34.6,3.31,0.98",
        ]), MetaFor(3));

        var run = CliRunner.Run("weights", "critic", "--data", data, "--meta", meta);

        Assert.Equal(0, run.ExitCode);
        using var document = JsonDocument.Parse(run.Output);
        var weights = document.RootElement.GetProperty("weights");
        Assert.Equal(0.20222554, weights.GetProperty("I1").GetDouble(), 8);
        Assert.Equal(0.48090173, weights.GetProperty("I2").GetDouble(), 8);
        Assert.Equal(0.31687273, weights.GetProperty("I3").GetDouble(), 8);
    }
}
