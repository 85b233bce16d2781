using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Domain.Tests.Frameworks;

public sealed class IndicatorFrameworkTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Publish_DraftWithIndicators_BecomesPublishedAndStampsTime()
    {
        var framework = new FrameworkBuilder().Build();

        framework.Publish(Now);

        Assert.Equal(FrameworkStatus.Published, framework.Status);
        Assert.Equal(Now, framework.PublishedAt);
        Assert.False(framework.IsEditable);
    }

    [Fact]
    public void AddIndicator_PublishedFramework_ThrowsAndLeavesItUnchanged()
    {
        var framework = new FrameworkBuilder().Published().Build();
        var category = framework.Categories.First();

        var error = Assert.Throws<DomainException>(() => framework.AddIndicator(category, FrameworkBuilder.Indicator("NEW01")));

        Assert.Contains("published and cannot be changed", error.Message);
        Assert.Equal(4, framework.Indicators.Count);
    }

    [Fact]
    public void UpdateIndicator_PublishedFramework_ThrowsAndKeepsTheWeight()
    {
        var framework = new FrameworkBuilder().Published().Build();
        var indicator = framework.Indicators.First();

        Assert.Throws<DomainException>(() => framework.UpdateIndicator(indicator, FrameworkBuilder.Indicator(indicator.Code, weight: 5)));

        Assert.Equal(1, indicator.Weight);
    }

    [Fact]
    public void UpdateCategory_PublishedFramework_Throws()
    {
        var framework = new FrameworkBuilder().Published().Build();

        Assert.Throws<DomainException>(() => framework.UpdateCategory(framework.Categories.First(), "x", "x", 2));
    }

    [Fact]
    public void AddCategory_RetiredFramework_Throws()
    {
        var framework = new FrameworkBuilder().Published().Build();
        framework.Retire();

        var error = Assert.Throws<DomainException>(() => framework.AddCategory("NEW", "New", "新"));

        Assert.Contains("retired", error.Message);
    }

    [Fact]
    public void UpdateIndicator_Draft_ChangesWeightAndRanges()
    {
        var framework = new FrameworkBuilder().Build();
        var indicator = framework.Indicators.First();

        framework.UpdateIndicator(indicator, FrameworkBuilder.Indicator(indicator.Code, weight: 2.5) with { PlausibleRange = new ValueRange(20, 80) });

        Assert.Equal(2.5, indicator.Weight);
        Assert.Equal(new ValueRange(20, 80), indicator.PlausibleRange);
    }

    [Fact]
    public void UpdateIndicator_DifferentCode_Throws()
    {
        var framework = new FrameworkBuilder().Build();
        var indicator = framework.Indicators.First();

        var error = Assert.Throws<DomainException>(() => framework.UpdateIndicator(indicator, FrameworkBuilder.Indicator("OTHER")));

        Assert.Contains("cannot be changed", error.Message);
    }

    [Fact]
    public void Publish_NoIndicators_ThrowsNamingTheFramework()
    {
        var framework = new IndicatorFramework("Empty", 1);

        var error = Assert.Throws<DomainException>(() => framework.Publish(Now));

        Assert.Contains("Empty v1 has no indicators", error.Message);
    }

    [Fact]
    public void Publish_CategoryWithoutIndicators_ThrowsNamingTheCategory()
    {
        var framework = new FrameworkBuilder().Build();
        framework.AddCategory("EMPTY", "Empty", "空");

        var error = Assert.Throws<DomainException>(() => framework.Publish(Now));

        Assert.Contains("Category EMPTY", error.Message);
    }

    [Fact]
    public void Publish_LocalTime_Throws()
    {
        var framework = new FrameworkBuilder().Build();

        Assert.Throws<DomainException>(() => framework.Publish(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local)));
    }

    [Fact]
    public void Retire_Draft_Throws()
    {
        Assert.Throws<DomainException>(() => new FrameworkBuilder().Build().Retire());
    }

    [Fact]
    public void AddIndicator_DuplicateCodeInAnotherCategory_Throws()
    {
        var framework = new FrameworkBuilder().Build();

        var error = Assert.Throws<DomainException>(() => framework.AddIndicator(framework.Categories.Last(), FrameworkBuilder.Indicator("inf01")));

        Assert.Contains("already has an indicator with code 'inf01'", error.Message);
    }

    [Fact]
    public void AddCategory_DuplicateCode_Throws()
    {
        var framework = new FrameworkBuilder().Build();

        Assert.Throws<DomainException>(() => framework.AddCategory("INF", "Again", "再"));
    }

    [Fact]
    public void AddCategory_WithParent_NestsAndOrdersSiblings()
    {
        var framework = new FrameworkBuilder().Build();
        var parent = framework.Categories.First();

        var first = framework.AddCategory("SUB1", "Sub 1", "子1", parent: parent);
        var second = framework.AddCategory("SUB2", "Sub 2", "子2", parent: parent);

        Assert.Same(parent, first.Parent);
        Assert.Equal([0, 1], new[] { first.SortOrder, second.SortOrder });
    }

    [Fact]
    public void AddCategory_ParentFromAnotherFramework_Throws()
    {
        var other = new FrameworkBuilder().Build();
        var framework = new FrameworkBuilder().Build();

        Assert.Throws<DomainException>(() => framework.AddCategory("SUB", "Sub", "子", parent: other.Categories.First()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-INF")]
    [InlineData("IN F")]
    [InlineData("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456")]
    [InlineData("INF/1")]
    public void AddCategory_InvalidCode_ThrowsSayingWhatIsAllowed(string code)
    {
        var framework = new IndicatorFramework("F", 1);

        var error = Assert.Throws<DomainException>(() => framework.AddCategory(code, "Name", "名称"));

        Assert.Contains("letters, digits", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void AddCategory_WeightNotPositive_Throws(double weight)
    {
        var framework = new IndicatorFramework("F", 1);

        var error = Assert.Throws<DomainException>(() => framework.AddCategory("INF", "Infrastructure", "基础设施", weight));

        Assert.Contains("greater than 0", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    public void AddIndicator_WeightNotPositive_Throws(double weight)
    {
        var framework = new IndicatorFramework("F", 1);
        var category = framework.AddCategory("INF", "Infrastructure", "基础设施");

        var error = Assert.Throws<DomainException>(() => framework.AddIndicator(category, FrameworkBuilder.Indicator("INF01", weight)));

        Assert.Contains("indicator INF01", error.Message);
    }

    [Fact]
    public void AddIndicator_PlausibleRangeOutsideHardRange_Throws()
    {
        var framework = new IndicatorFramework("F", 1);
        var category = framework.AddCategory("INF", "Infrastructure", "基础设施");
        var definition = FrameworkBuilder.Indicator("INF01") with { HardRange = new ValueRange(0, 100), PlausibleRange = new ValueRange(50, 120) };

        var error = Assert.Throws<DomainException>(() => framework.AddIndicator(category, definition));

        Assert.Contains("must lie within its hard range", error.Message);
    }

    [Fact]
    public void AddIndicator_EqualGoalposts_Throws()
    {
        var framework = new IndicatorFramework("F", 1);
        var category = framework.AddCategory("INF", "Infrastructure", "基础设施");

        Assert.Throws<DomainException>(() => framework.AddIndicator(category, FrameworkBuilder.Indicator("INF01") with { Goalposts = new ValueRange(5, 5) }));
    }

    [Fact]
    public void AddIndicator_UnknownDirection_Throws()
    {
        var framework = new IndicatorFramework("F", 1);
        var category = framework.AddCategory("INF", "Infrastructure", "基础设施");

        var error = Assert.Throws<DomainException>(() => framework.AddIndicator(category, FrameworkBuilder.Indicator("INF01") with { Direction = (Direction)0 }));

        Assert.Contains("+1 (higher is better) or -1", error.Message);
    }

    [Fact]
    public void AddIndicator_CategoryOfAnotherFramework_Throws()
    {
        var other = new FrameworkBuilder().Build();
        var framework = new IndicatorFramework("F", 1);

        Assert.Throws<DomainException>(() => framework.AddIndicator(other.Categories.First(), FrameworkBuilder.Indicator("X01")));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Constructor_VersionBelowOne_Throws(int version)
    {
        Assert.Throws<DomainException>(() => new IndicatorFramework("F", version));
    }
}
