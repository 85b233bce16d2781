using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Infrastructure.Tests.Persistence;

/// <summary>Saves a minimal valid graph: a published framework with one indicator, a city, a period, a submission.</summary>
internal static class EntityBuilder
{
    public static readonly DateTime Now = new(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);

    public static City City(string code = "CN-HZ") => new(code, "Hangzhou", "杭州", "Zhejiang", "浙江", 11_936_010, CityTier.NewFirst);

    public static async Task<(City City, Indicator Indicator, Submission Submission)> SaveSubmissionAsync(SmartCityIndexDbContext context)
    {
        var framework = new IndicatorFramework("Test", 1);
        var category = framework.AddCategory("INF", "Infrastructure", "基础设施");
        var indicator = framework.AddIndicator(category, new IndicatorDefinition(
            "INF01", "Internet access", "互联网接入率", "%", Direction.HigherIsBetter,
            HardRange: new ValueRange(0, 100), PlausibleRange: new ValueRange(40, 100)));
        framework.Publish(Now);
        var city = City();
        var period = new ReportingPeriod(2025, framework, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        context.AddRange(framework, city, period);
        await context.SaveChangesAsync();

        var submission = new Submission(city.Id, period.Id, Now);
        submission.SetValue(indicator.Id, 80m, "initial", Now);
        context.Submissions.Add(submission);
        await context.SaveChangesAsync();
        return (city, indicator, submission);
    }

    /// <summary>Saves the graph in its own context and returns the ids, for tests that then open several contexts.</summary>
    public static async Task<(int SubmissionId, int IndicatorId)> SaveSubmissionAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var (_, indicator, submission) = await SaveSubmissionAsync(context);
        return (submission.Id, indicator.Id);
    }
}
