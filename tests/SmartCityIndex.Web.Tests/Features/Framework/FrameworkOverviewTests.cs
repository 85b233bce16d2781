using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Web.Features.Framework;

namespace SmartCityIndex.Web.Tests.Features.Framework;

public sealed class FrameworkOverviewTests
{
    [Fact]
    public void From_UnequalWeights_SharesAreWeightOverSiblingSumAndMultiplyDownTheTree()
    {
        var framework = new IndicatorFramework("F", 1);
        var a = framework.AddCategory("A", "A", "甲", weight: 3);
        var b = framework.AddCategory("B", "B", "乙", weight: 1);
        var b1 = framework.AddCategory("B1", "B1", "乙1", weight: 1, parent: b);
        framework.AddIndicator(a, Definition("A01", 1));
        framework.AddIndicator(a, Definition("A02", 3));
        framework.AddIndicator(b1, Definition("B101", 2));

        var overview = FrameworkOverview.From(framework);

        var (nodeA, nodeB) = (overview.Categories[0], overview.Categories[1]);
        Assert.Equal(0.75, nodeA.ShareOfIndex, 12);
        Assert.Equal(0.25, nodeB.ShareOfIndex, 12);
        Assert.Equal([0.1875, 0.5625], nodeA.Indicators.Select(i => Math.Round(i.ShareOfIndex, 12)));
        Assert.Equal(0.25, Assert.Single(Assert.Single(nodeB.Children).Indicators).ShareOfIndex, 12);
        Assert.Equal(3, overview.IndicatorCount);
        Assert.Equal(1, nodeB.IndicatorCount);
    }

    [Fact]
    public void From_AnyFramework_IndicatorSharesOfIndexAddUpToOne()
    {
        var framework = new IndicatorFramework("F", 1);
        var top = framework.AddCategory("T", "T", "T", 2.5);
        var other = framework.AddCategory("O", "O", "O", 0.7);
        for (var i = 1; i <= 7; i++)
        {
            framework.AddIndicator(i % 2 == 0 ? top : other, Definition($"X{i:00}", i * 0.3));
        }

        var overview = FrameworkOverview.From(framework);

        Assert.Equal(1.0, overview.Categories.SelectMany(c => c.Indicators).Sum(i => i.ShareOfIndex), 12);
    }

    private static IndicatorDefinition Definition(string code, double weight) =>
        new(code, code, code, "%", Direction.HigherIsBetter, weight);
}
