using Bunit;
using MudBlazor;
using SmartCityIndex.Web.Features.Review;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Review;

public sealed class FlagCountTests : PortalComponentContext
{
    [Fact]
    public void Render_Zero_IsQuietWithoutAChip()
    {
        var count = Render<FlagCount>(p => p.Add(c => c.Count, 0).Add(c => c.Color, Color.Warning).Add(c => c.TestId, "warnings"));

        Assert.Equal("0", count.Find("[data-testid='warnings']").TextContent.Trim());
        Assert.Empty(count.FindAll(".mud-chip"));
    }

    [Fact]
    public void Render_Some_IsAColouredChipWithTheCount()
    {
        var count = Render<FlagCount>(p => p.Add(c => c.Count, 3).Add(c => c.Color, Color.Warning).Add(c => c.TestId, "warnings"));

        Assert.Equal("3", count.Find(".mud-chip").TextContent.Trim());
    }
}
