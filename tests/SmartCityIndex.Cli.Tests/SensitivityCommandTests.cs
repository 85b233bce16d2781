using System.Text.Json;

namespace SmartCityIndex.Cli.Tests;

public sealed class SensitivityCommandTests
{
    private static CliRun RunAsem(params string[] options) =>
        CliRunner.Run(["sensitivity", "--data", AsemFiles.Data, "--meta", AsemFiles.Meta, .. options]);

    [Fact]
    public void Sensitivity_CoinrSetUp_WritesRankStatisticsCloseToCoinr()
    {
        var run = RunAsem("--runs", "1000", "--range", "1,100", "--levels", "1,2,3", "--aggregate-alternatives", "arithmetic,geometric", "--seed", "7");

        Assert.Equal(0, run.ExitCode);
        var ours = AsemFiles.ByUnit(run.Output, "sensitivity output");
        var coinr = AsemFiles.Reference("sa_simple_UA_N1000_rankstats.csv");
        Assert.Equal(51, ours.Count);
        foreach (var (unit, row) in ours)
        {
            Assert.Equal(coinr[unit]["Nominal"], row["Nominal"]);
            Assert.True(Math.Abs(AsemFiles.Number(row["Mean"]) - AsemFiles.Number(coinr[unit]["Mean"])) <= 1.5, $"{unit}: mean {row["Mean"]} vs COINr {coinr[unit]["Mean"]}");
        }
    }

    [Fact]
    public void Sensitivity_SameSeedTwice_GivesIdenticalOutput()
    {
        var first = RunAsem("--runs", "200", "--seed", "11", "--format", "json");
        var second = RunAsem("--runs", "200", "--seed", "11", "--format", "json");

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(first.Output, second.Output);
        using var json = JsonDocument.Parse(first.Output);
        Assert.Equal(200, json.RootElement.GetProperty("runs").GetInt32());
        Assert.Equal(51, json.RootElement.GetProperty("units").GetArrayLength());
    }

    [Theory]
    [InlineData("--runs", "0", "between 1 and 1000000")]
    [InlineData("--weight-noise", "1.5", "at least 0 and below 1")]
    [InlineData("--levels", "1,x", "--levels must be a comma-separated list of whole numbers")]
    [InlineData("--levels", "4", "Level 4 has no weights to perturb")]
    [InlineData("--aggregate-alternatives", "arithmetic,median", "--aggregate-alternatives must be a comma-separated list of arithmetic, geometric")]
    [InlineData("--normalise-alternatives", "minmax,log", "--normalise-alternatives must be a comma-separated list of minmax, zscore")]
    public void Sensitivity_BadOption_ExitsWithTwoAndSaysWhy(string option, string value, string message)
    {
        string[] args = option == "--runs" ? [option, value] : ["--runs", "10", option, value];

        var run = RunAsem(args);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.Equal(string.Empty, run.Output);
    }

    [Fact]
    public void Sensitivity_GeometricOnZeroToHundred_SuggestsTheRange()
    {
        var run = RunAsem("--runs", "10", "--aggregate-alternatives", "arithmetic,geometric");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("such as 1-100 (--range 1,100)", run.Error);
    }
}
