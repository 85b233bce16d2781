using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Domain.Tests.Frameworks;

/// <summary>A valid two-category draft framework, with hooks to change what a test is about.</summary>
internal sealed class FrameworkBuilder
{
    private int _indicatorsPerCategory = 2;
    private bool _published;

    public FrameworkBuilder WithIndicatorsPerCategory(int count)
    {
        _indicatorsPerCategory = count;
        return this;
    }

    public FrameworkBuilder Published()
    {
        _published = true;
        return this;
    }

    public IndicatorFramework Build()
    {
        var framework = new IndicatorFramework("Test framework", 1);
        foreach (var code in new[] { "INF", "SVC" })
        {
            var category = framework.AddCategory(code, $"{code} en", $"{code} 中文");
            for (var i = 1; i <= _indicatorsPerCategory; i++)
            {
                framework.AddIndicator(category, Indicator($"{code}{i:00}"));
            }
        }

        if (_published)
        {
            framework.Publish(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        }

        return framework;
    }

    public static IndicatorDefinition Indicator(string code, double weight = 1) =>
        new(code, $"{code} name", $"{code} 名称", "%", Direction.HigherIsBetter, weight,
            HardRange: new ValueRange(0, 100), PlausibleRange: new ValueRange(10, 90));
}
