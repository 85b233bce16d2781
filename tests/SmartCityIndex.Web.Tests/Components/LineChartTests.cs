using Bunit;
using SmartCityIndex.Web.Components.Charts;

namespace SmartCityIndex.Web.Tests.Components;

public sealed class LineChartTests : PortalComponentContext
{
    [Fact]
    public void Render_KnownValues_PlacesThePointsOnTheScale()
    {
        // x from 60 to 445 over three labels; y from 190 (0) up to 12 (Max); a missing value is left out.
        var chart = Render<LineChart>(p => p
            .Add(c => c.Labels, ["2023", "2024", "2025"])
            .Add(c => c.Series, [new ChartSeries("Hangzhou", [0, 50, double.NaN], "chart-c1")]));

        var points = chart.FindAll("circle").Select(c => (c.GetAttribute("cx"), c.GetAttribute("cy"))).ToList();
        Assert.Equal([("60", "190"), ("252.5", "101")], points);
        Assert.Equal("60,190 252.5,101", chart.Find("polyline").GetAttribute("points"));
    }

    [Fact]
    public void Render_ValueAboveMax_IsDrawnAtTheTop()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Labels, ["2025"]).Add(c => c.Series, [new ChartSeries("A", [150], "chart-c1")]).Add(c => c.Max, 100));

        Assert.Equal(("252.5", "12"), (chart.Find("circle").GetAttribute("cx"), chart.Find("circle").GetAttribute("cy")));
    }

    [Fact]
    public void Render_NoSeries_DrawsTheAxesWithoutLinesOrLegend()
    {
        var chart = Render<LineChart>(p => p.Add(c => c.Labels, ["2024", "2025"]).Add(c => c.Series, []));

        Assert.Empty(chart.FindAll("polyline"));
        Assert.Empty(chart.FindAll(".legend-item"));
        Assert.Equal(5, chart.FindAll("line.chart-grid").Count);
    }
}
