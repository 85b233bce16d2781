using Bunit;
using MudBlazor;
using Direction = SmartCityIndex.Domain.Frameworks.Direction;
using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Web.Features.Framework;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Framework;

public sealed class CategoryPanelTests : PortalComponentContext
{
    [Fact]
    [UseCulture("zh-Hans")]
    public void Render_Chinese_ShowsChineseNamesTranslatedUnitsAndDirections()
    {
        var panel = RenderPanel();

        var rows = panel.FindAll("tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("城镇失业率", rows[0].TextContent);
        Assert.Contains("越低越好", rows[0].TextContent);
        Assert.Contains("个/十万人", rows[1].TextContent);
        Assert.Contains("越高越好", rows[1].TextContent);
        Assert.Contains("占总指数 50.0%", panel.Markup);
    }

    [Fact]
    [UseCulture("en")]
    public void Render_English_KeepsUnitsAsEntered()
    {
        var panel = RenderPanel();

        var rows = panel.FindAll("tbody tr");
        Assert.Contains("Unemployment rate", rows[0].TextContent);
        Assert.Contains("Lower is better", rows[0].TextContent);
        Assert.Contains("count per 100 000", rows[1].TextContent);
        Assert.Contains("1 – 15", rows[0].TextContent);
    }

    private IRenderedComponent<MudExpansionPanels> RenderPanel()
    {
        var framework = new IndicatorFramework("F", 1);
        var industry = framework.AddCategory("IND", "Urban industry", "城市产业");
        framework.AddCategory("SVC", "Urban services", "城市服务");
        framework.AddIndicator(industry, new IndicatorDefinition("IND01", "Unemployment rate", "城镇失业率", "%", Direction.LowerIsBetter,
            PlausibleRange: new ValueRange(1, 15)));
        framework.AddIndicator(industry, new IndicatorDefinition("IND03", "Businesses per 100 000 population", "每十万人企业数", "count per 100 000", Direction.HigherIsBetter));
        var node = FrameworkOverview.From(framework).Categories[0];

        return Render<MudExpansionPanels>(panels => panels.AddChildContent<CategoryPanel>(p => p.Add(c => c.Category, node)));
    }
}
