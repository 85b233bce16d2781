using System.Text.Json;

namespace SmartCityIndex.Cli.Tests;

public sealed class TreatmentOutputTests
{
    [Fact]
    public void Score_Winsorise_ReportsTreatedIndicatorsOnStandardError()
    {
        var run = CliRunner.ScoreAsem("--treat", "winsorise");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("treated: Goods winsorised 2 value(s) (DEU, CHN); skewness 2.65 -> 1.14, kurtosis 8.27 -> 0.16", run.Error);
    }

    [Fact]
    public void Score_WinsoriseJson_ListsTreatmentsWithUnitCodes()
    {
        var run = CliRunner.ScoreAsem("--treat", "winsorise", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var goods = json.RootElement.GetProperty("treatments").EnumerateArray().Single(t => t.GetProperty("indicator").GetString() == "Goods");
        Assert.Equal("winsorised", goods.GetProperty("action").GetString());
        Assert.Equal(["DEU", "CHN"], goods.GetProperty("units").EnumerateArray().Select(u => u.GetString()));
    }
}
