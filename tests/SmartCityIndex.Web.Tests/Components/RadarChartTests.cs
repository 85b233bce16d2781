using Bunit;
using SmartCityIndex.Web.Components.Charts;

namespace SmartCityIndex.Web.Tests.Components;

public sealed class RadarChartTests : PortalComponentContext
{
    [Fact]
    public void Render_KnownValues_PlacesEachOnItsAxis()
    {
        // Centre (230, 140), radius 100; axes clockwise from the top. A missing value sits at the centre.
        var chart = Render<RadarChart>(p => p
            .Add(c => c.Labels, ["North", "East", "South", "West"])
            .Add(c => c.Series, [new ChartSeries("City", [100, 50, double.NaN, 25], "chart-c1")]));

        Assert.Equal("230,40 280,140 230,140 205,140", chart.Find("polygon.chart-area").GetAttribute("points"));
        Assert.Equal(4, chart.FindAll("polygon.chart-grid").Count);
    }

    [Fact]
    public void Render_LongLabel_IsSplitOnTwoLinesAtTheMiddleSpace()
    {
        var chart = Render<RadarChart>(p => p
            .Add(c => c.Labels, ["Urban services and management", "Industry", "Infrastructure"])
            .Add(c => c.Series, []));

        Assert.Equal(["Urban services", "and management"], chart.FindAll("text.chart-label")[0].QuerySelectorAll("tspan").Select(t => t.TextContent));
        Assert.Single(chart.FindAll("text.chart-label")[1].QuerySelectorAll("tspan"));
        Assert.Empty(chart.FindAll("polygon.chart-area"));
    }
}
