using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Numerics;
using SmartCityIndex.Domain.Scoring;
using SmartCityIndex.Domain.Sensitivity;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Scoring;
using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Infrastructure.Tests.Scoring;

[Collection(PostgresCollection.Name)]
public sealed class ScoreRunnerTests(PostgresFixture postgres)
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_SeededPeriod_StoresExactlyWhatTheEngineGivesOnTheApprovedValues(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var period = await LastCompletePeriodAsync(database);

        var run = await Runner(database).RunAsync(period, "test");

        // The engine called directly, on inputs read here independently of the runner: every approved value by city code.
        await using var context = database.CreateContext();
        var framework = await context.Frameworks.Include(f => f.Categories).Include(f => f.Indicators)
            .SingleAsync(f => f.Id == context.ReportingPeriods.Single(p => p.Id == period).FrameworkId);
        var categories = framework.Categories.OrderBy(c => c.SortOrder).ToList();
        var indicators = framework.Indicators.OrderBy(i => categories.FindIndex(c => c.Id == i.CategoryId)).ThenBy(i => i.SortOrder).ToList();
        var nodes = indicators.Select(i => new IndexNodeDefinition(i.Code, null, 1, categories.Single(c => c.Id == i.CategoryId).Code, (int)i.Direction, i.Weight, IndexNodeType.Indicator))
            .Concat(categories.Select(c => new IndexNodeDefinition(c.Code, null, 2, "INDEX", 1, c.Weight, IndexNodeType.Aggregate)))
            .Append(new IndexNodeDefinition("INDEX", null, 3, null, 1, 1, IndexNodeType.Aggregate));
        var structure = IndexStructure.Create(nodes);
        var approved = await context.Submissions.Where(s => s.ReportingPeriodId == period && s.Status == SubmissionStatus.Approved)
            .Join(context.Cities, s => s.CityId, c => c.Id, (s, c) => new { c.Id, c.Code, Values = s.Values.ToList() })
            .ToListAsync();
        approved = [.. approved.OrderBy(a => a.Code, StringComparer.Ordinal)];
        var values = ColumnMatrix.Missing(approved.Count, indicators.Count);
        for (var i = 0; i < approved.Count; i++)
        {
            for (var j = 0; j < indicators.Count; j++)
            {
                if (approved[i].Values.SingleOrDefault(v => v.IndicatorId == indicators[j].Id)?.Value is { } value)
                {
                    values[i, j] = (double)value;
                }
            }
        }

        var data = new UnitData([.. approved.Select(a => a.Code)], values);
        var expected = ScoringEngine.Score(structure, data, ScoreRunner.Scoring);
        var sensitivity = SensitivityAnalysis.Run(structure, data, ScoreRunner.Scoring, ScoreRunner.Sensitivity);

        var stored = await context.ScoreRuns.Include(r => r.Cities).SingleAsync(r => r.Id == run!.Id);
        Assert.Equal(36, approved.Count);
        Assert.Equal(36, stored.Cities.Count);
        Assert.False(stored.IsProvisional);
        for (var i = 0; i < approved.Count; i++)
        {
            var city = stored.Cities.Single(c => c.CityId == approved[i].Id);
            Assert.Equal(expected.IndexRanks[i], city.Rank);
            Assert.Equal(expected.IndexScores[i], city.Score);
            var scores = city.NodeScoreValues();
            var ranks = city.NodeRankValues();
            for (var node = 0; node < structure.NodeCount; node++)
            {
                Assert.Equal(expected.Scores[i, node], scores[node]);
                Assert.Equal(expected.Rank(i, node), ranks[node]);
            }

            Assert.Equal(expected.Contributions(i), city.ContributionValues());
            Assert.Equal((sensitivity.Units[i].Q5, sensitivity.Units[i].Q95), (city.RankLow, city.RankHigh));
            Assert.Equal(city.Score, city.ContributionValues().Sum(), 9);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_SameInputsAgain_KeepsTheRunAndANewApprovalMakesANewOne(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var period = await OpenPeriodAsync(database);
        var runner = Runner(database);

        var first = await runner.RunAsync(period, "first");
        var again = await runner.RunAsync(period, "again");
        var submitted = await ApproveOneAsync(database, period);
        var third = await runner.RunAsync(period, "approval");

        await using var context = database.CreateContext();
        Assert.Equal(first!.Id, again!.Id);
        Assert.Equal(first.InputsHash, again.InputsHash);
        Assert.True(first.IsProvisional);
        Assert.NotEqual(first.Id, third!.Id);
        Assert.NotEqual(first.InputsHash, third.InputsHash);
        var cities = await context.ScoreRunCities.Where(c => c.ScoreRunId == third.Id).Select(c => c.CityId).ToListAsync();
        Assert.Contains(submitted.CityId, cities);
        Assert.DoesNotContain(submitted.CityId, await context.ScoreRunCities.Where(c => c.ScoreRunId == first.Id).Select(c => c.CityId).ToListAsync());
        var approvedCount = await context.Submissions.CountAsync(s => s.ReportingPeriodId == period && s.Status == SubmissionStatus.Approved);
        Assert.Equal(approvedCount, cities.Count);
        Assert.Equal(36 - approvedCount, third.MissingCount);
        Assert.DoesNotContain(submitted.Code, third.MissingCities.Split(','));
        Assert.Contains(submitted.Code, first.MissingCities.Split(','));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_ForcedAgainOnTheSameInputs_GivesTheSameNumbersToTheLastBit(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var period = await LastCompletePeriodAsync(database);
        var runner = Runner(database);

        var first = await runner.RunAsync(period, "first");
        var second = await runner.RunAsync(period, "again", force: true);

        await using var context = database.CreateContext();
        Assert.NotEqual(first!.Id, second!.Id);
        Assert.Equal(first.InputsHash, second.InputsHash);
        var a = await context.ScoreRunCities.Where(c => c.ScoreRunId == first.Id).OrderBy(c => c.CityId).ToListAsync();
        var b = await context.ScoreRunCities.Where(c => c.ScoreRunId == second.Id).OrderBy(c => c.CityId).ToListAsync();
        Assert.Equal(a.Select(c => (c.CityId, c.Rank, c.Score, c.RankLow, c.RankHigh, c.MeanRank, c.Coverage)),
            b.Select(c => (c.CityId, c.Rank, c.Score, c.RankLow, c.RankHigh, c.MeanRank, c.Coverage)));
        Assert.All(a.Zip(b), pair =>
        {
            Assert.Equal(pair.First.NodeScores, pair.Second.NodeScores);
            Assert.Equal(pair.First.NodeRanks, pair.Second.NodeRanks);
            Assert.Equal(pair.First.Contributions, pair.Second.Contributions);
            Assert.Equal(pair.First.RawValues, pair.Second.RawValues);
        });
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_NothingApproved_MakesNoRun(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var period = await OpenPeriodAsync(database);
        await using (var context = database.CreateContext())
        {
            await context.Submissions.Where(s => s.ReportingPeriodId == period && s.Status == SubmissionStatus.Approved)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SubmissionStatus.Submitted));
        }

        Assert.Null(await Runner(database).RunAsync(period, "test"));
        await using var check = database.CreateContext();
        Assert.Equal(0, await check.ScoreRuns.CountAsync());
    }

    private async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        await new DemoSeeder(new ContextFactory(database), Clock, NullLogger<DemoSeeder>.Instance).SeedAsync();
        return database;
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_StartedFromSixPlacesAtOnce_OneRunForTheNewInputs(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var period = await LastCompletePeriodAsync(database);
        await using (var context = database.CreateContext())
        {
            Assert.Equal(0, await context.ScoreRuns.CountAsync(r => r.ReportingPeriodId == period));
        }

        // Six portals (or the portal and the command line) asked to score the same period at the same moment.
        var runs = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() => Runner(database).RunAsync(period, $"place {i}"))));

        await using var after = database.CreateContext();
        var stored = await after.ScoreRuns.Where(r => r.ReportingPeriodId == period).ToListAsync();
        var only = Assert.Single(stored);
        Assert.All(runs, r => Assert.Equal(only.Id, r!.Id)); // each caller is given the one run
    }

    private static ScoreRunner Runner(TestDatabase database) => new(new ContextFactory(database), Clock, NullLogger<ScoreRunner>.Instance);

    private static async Task<int> LastCompletePeriodAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.ReportingPeriods
            .Where(p => !context.Submissions.Any(s => s.ReportingPeriodId == p.Id && s.Status != SubmissionStatus.Approved))
            .OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync();
    }

    private static async Task<int> OpenPeriodAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        return await context.ReportingPeriods.OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync();
    }

    private static async Task<(int CityId, string Code)> ApproveOneAsync(TestDatabase database, int period)
    {
        await using var context = database.CreateContext();
        var submission = await context.Submissions.Include(s => s.Values)
            .Where(s => s.ReportingPeriodId == period && s.Status == SubmissionStatus.Submitted).OrderBy(s => s.Id).FirstAsync();
        submission.Approve("evaluator@sci.demo", Clock.GetUtcNow().UtcDateTime, null);
        await context.SaveChangesAsync();
        return (submission.CityId, await context.Cities.Where(c => c.Id == submission.CityId).Select(c => c.Code).SingleAsync());
    }
}
