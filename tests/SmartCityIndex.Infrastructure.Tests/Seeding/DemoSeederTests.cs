using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Infrastructure.Tests.Seeding;

[Collection(PostgresCollection.Name)]
public sealed class DemoSeederTests(PostgresFixture postgres)
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedAsync_RunTwice_AddsEverythingOnceAndNothingTheSecondTime(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        var seeder = new DemoSeeder(new ContextFactory(database), Clock, NullLogger<DemoSeeder>.Instance);

        await seeder.SeedAsync();
        var first = await CountAsync(database);
        await seeder.SeedAsync();
        var second = await CountAsync(database);

        Assert.Equal((1, 3, 30, 36, 3, 108), (first.Frameworks, first.Categories, first.Indicators, first.Cities, first.Periods, first.Submissions));
        Assert.Equal(first, second);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedAsync_EmptyDatabase_LoadsThePublishedStarterFrameworkWithEqualWeights(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();

        await new DemoSeeder(new ContextFactory(database), Clock, NullLogger<DemoSeeder>.Instance).SeedAsync();

        await using var context = database.CreateContext();
        var framework = await context.Frameworks.Include(f => f.Categories).Include(f => f.Indicators).AsSplitQuery().SingleAsync();
        Assert.Equal(FrameworkStatus.Published, framework.Status);
        Assert.Equal(["基础设施", "城市产业", "城市服务与管理"], framework.Categories.OrderBy(c => c.SortOrder).Select(c => c.NameZh));
        Assert.All(framework.Categories, c => Assert.Equal(10, framework.Indicators.Count(i => i.CategoryId == c.Id)));
        Assert.All(framework.Indicators, i => Assert.Equal(1.0, i.Weight));
        var unemployment = framework.Indicators.Single(i => i.Code == "IND01");
        Assert.Equal(Direction.LowerIsBetter, unemployment.Direction);
        Assert.Equal(new ValueRange(1, 15), unemployment.PlausibleRange);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedAsync_EmptyDatabase_GivesThreeYearsWithAMixOfStatusesInTheOpenOne(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();

        await new DemoSeeder(new ContextFactory(database), Clock, NullLogger<DemoSeeder>.Instance).SeedAsync();

        await using var context = database.CreateContext();
        var periods = await context.ReportingPeriods.OrderBy(p => p.Year).ToListAsync();
        Assert.Equal([2023, 2024, 2025], periods.Select(p => p.Year));
        Assert.Equal(
            [Domain.Periods.PeriodStatus.Closed, Domain.Periods.PeriodStatus.Closed, Domain.Periods.PeriodStatus.Open],
            periods.Select(p => p.Status));

        var latest = await context.Submissions.Where(s => s.ReportingPeriodId == periods[2].Id).Select(s => s.Status).ToListAsync();
        Assert.Contains(SubmissionStatus.Approved, latest);
        Assert.Contains(SubmissionStatus.Submitted, latest);
        Assert.Contains(SubmissionStatus.Draft, latest);
        Assert.True(await context.Submissions.Where(s => s.ReportingPeriodId != periods[2].Id).AllAsync(s => s.Status == SubmissionStatus.Approved));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SeedAsync_Values_LieWithinEachIndicatorsPlausibleRange(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();

        await new DemoSeeder(new ContextFactory(database), Clock, NullLogger<DemoSeeder>.Instance).SeedAsync();

        await using var context = database.CreateContext();
        var indicators = await context.Indicators.ToDictionaryAsync(i => i.Id);
        var values = await context.IndicatorValues.Where(v => v.Value != null).ToListAsync();
        Assert.True(values.Count > 2_500, $"expected most of 3 240 values to be numbers, got {values.Count}");
        Assert.All(values, v => Assert.True(
            indicators[v.IndicatorId].PlausibleRange!.Value.Contains(v.Value!.Value),
            $"{indicators[v.IndicatorId].Code} = {v.Value} is outside {indicators[v.IndicatorId].PlausibleRange}"));
    }

    private static async Task<(int Frameworks, int Categories, int Indicators, int Cities, int Periods, int Submissions, int Values)> CountAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return (
            await context.Frameworks.CountAsync(),
            await context.Categories.CountAsync(),
            await context.Indicators.CountAsync(),
            await context.Cities.CountAsync(),
            await context.ReportingPeriods.CountAsync(),
            await context.Submissions.CountAsync(),
            await context.IndicatorValues.CountAsync());
    }
}
