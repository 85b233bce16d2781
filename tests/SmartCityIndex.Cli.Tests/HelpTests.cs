namespace SmartCityIndex.Cli.Tests;

/// <summary><c>--help</c> describes every command and option, with defaults and allowed values.</summary>
public sealed class HelpTests
{
    [Fact]
    public void Help_Root_ListsTheCommands()
    {
        var run = CliRunner.Run("--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("score", run.Output, StringComparison.Ordinal);
        Assert.Contains("weights", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_Score_DescribesEveryOptionWithDefaultsAndValues()
    {
        var run = CliRunner.Run("score", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var option in new[] { "--data", "--meta", "--normalise", "--range", "--aggregate", "--topsis-normalise", "--gra-zeta", "--impute", "--treat", "--format", "--out" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }

        foreach (var text in new[] { "[default: minmax]", "[default: 0,100]", "[default: arithmetic]", "[default: vector]", "[default: 0.5]", "[default: none]", "[default: csv]", "goalposts", "harmonic", "gra", "group-mean:COLUMN", "winsorise" })
        {
            Assert.Contains(text, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ahp", "--matrix")]
    [InlineData("entropy", "--prepare")]
    [InlineData("critic", "--data")]
    public void Help_Weights_DescribesTheOptions(string method, string option)
    {
        var run = CliRunner.Run("weights", method, "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(option, run.Output, StringComparison.Ordinal);
        Assert.Contains("--format", run.Output, StringComparison.Ordinal);
        Assert.Contains("[default: json]", run.Output, StringComparison.Ordinal);
    }
}
