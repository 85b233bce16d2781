using SmartCityIndex.Domain.Runs;
using SmartCityIndex.Infrastructure.Scoring;
using SmartCityIndex.Web.Features.Review;

namespace SmartCityIndex.Web.Tests.Features.Rankings;

/// <summary>The portal keeps its rankings current by itself: approvals and reopenings are scored in the background.</summary>
public sealed class ScoreRunWorkerTests(ClockedPortalFixture portal) : IClassFixture<ClockedPortalFixture>
{
    [Fact]
    public async Task Approval_ThenReopening_TheNewestRunIncludesTheCityThenLeavesItOutAndSaysSo()
    {
        await DoneAsync();
        var (submissionId, cityId, code, periodId) = await SubmittedAsync();
        var before = await NewestAsync(periodId);
        Assert.True(before.IsProvisional);
        Assert.Contains(code, before.MissingCities.Split(','));

        await using (var evaluator = await SignedInScope.CreateAsync(portal.Factory.Services, DemoAccounts.Evaluator))
        {
            var review = evaluator.ServiceProvider.GetRequiredService<ReviewService>();
            Assert.Equal(ReviewOutcome.Done, await review.ApproveAsync(submissionId, (await review.GetAsync(submissionId))!.ConcurrencyStamp));
        }

        await DoneAsync();
        var approved = await NewestAsync(periodId);
        Assert.True(approved.Id > before.Id);
        Assert.Contains(approved.Cities, c => c.CityId == cityId);
        Assert.DoesNotContain(code, approved.MissingCities.Split(','));
        Assert.Equal(before.MissingCount - 1, approved.MissingCount);
        Assert.Equal((RunTriggerKind.Approved, code), RunTrigger.ParseAll(approved.Trigger).Select(t => (t.Kind, t.City)).Single());

        await using (var admin = await SignedInScope.CreateAsync(portal.Factory.Services, DemoAccounts.Admin))
        {
            var review = admin.ServiceProvider.GetRequiredService<ReviewService>();
            Assert.Equal(ReviewOutcome.Done, await review.ReopenAsync(submissionId, (await review.GetAsync(submissionId))!.ConcurrencyStamp, "A unit was wrong"));
        }

        await DoneAsync();
        var reopened = await NewestAsync(periodId);
        Assert.True(reopened.Id > approved.Id);
        Assert.DoesNotContain(reopened.Cities, c => c.CityId == cityId);
        Assert.Contains(code, reopened.MissingCities.Split(','));
        Assert.Equal(before.InputsHash, reopened.InputsHash); // the same approved values as before the approval
    }

    [Fact]
    public async Task Approval_WhileTheClockStandsStill_IsScoredOnlyOnceTheDebounceHasPassedOnTheClock()
    {
        await DoneAsync();
        var (submissionId, cityId, _, periodId) = await SubmittedAsync();
        var before = await NewestAsync(periodId);
        var queue = portal.Factory.Services.GetRequiredService<ScoreRunQueue>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await using (var evaluator = await SignedInScope.CreateAsync(portal.Factory.Services, DemoAccounts.Evaluator))
        {
            var review = evaluator.ServiceProvider.GetRequiredService<ReviewService>();
            Assert.Equal(ReviewOutcome.Done, await review.ApproveAsync(submissionId, (await review.GetAsync(submissionId))!.ConcurrencyStamp));
        }

        // The worker now waits out its debounce on the portal's clock, which does not move by itself.
        Assert.Equal(ScoreRunQueue.Debounce, await portal.Clock.NextTimerAsync(timeout.Token));
        portal.Clock.Advance(ScoreRunQueue.Debounce - TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Pending);
        Assert.Equal(before.Id, (await NewestAsync(periodId)).Id);

        portal.Clock.Advance(TimeSpan.FromMilliseconds(1));
        await queue.WhenIdleAsync().WaitAsync(timeout.Token);
        var after = await NewestAsync(periodId);
        Assert.True(after.Id > before.Id);
        Assert.Contains(after.Cities, c => c.CityId == cityId);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime, after.CreatedAt, TimeSpan.FromSeconds(1)); // stamped by the portal's clock too
    }

    [Fact]
    public async Task RankingsAndProfile_ReadTheStoredRunsNumbersUnchanged()
    {
        await DoneAsync();
        await using var context = portal.Factory.Database.CreateContext();
        var period = await context.ReportingPeriods.OrderByDescending(p => p.Year).Skip(1).FirstAsync();
        var run = await NewestAsync(period.Id);
        var cities = await context.Cities.ToDictionaryAsync(c => c.Id, c => c.Code);
        await using var scope = await SignedInScope.CreateAsync(portal.Factory.Services, DemoAccounts.Evaluator);

        var rankings = (await scope.ServiceProvider.GetRequiredService<RankingsService>().GetAsync(period.Year))!;
        var stored = run.Cities.OrderBy(c => c.Rank).ToList();

        Assert.Equal(run.Id, rankings.RunId);
        Assert.Equal(stored.Select(c => (cities[c.CityId], c.Rank, c.Score, c.RankLow, c.RankHigh, c.Coverage)),
            rankings.Rows.Select(r => (r.Code, r.Rank, r.Score, r.RankLow, r.RankHigh, r.Coverage)));
        var nodes = SmartCityIndex.Infrastructure.Scoring.ScoreRunner.RunNode.Parse(run.Structure);
        var categoryNodes = rankings.Categories.Select(c => c.Node).ToList();
        Assert.Equal(["INF", "IND", "SVC"], rankings.Categories.Select(c => c.Code));
        Assert.All(rankings.Rows.Zip(stored), pair =>
            Assert.Equal(categoryNodes.Select(n => pair.Second.NodeScoreValues()[n]), pair.First.CategoryScores));

        var city = stored[4];
        var profile = (await scope.ServiceProvider.GetRequiredService<ProfileService>().GetAsync(cities[city.CityId], period.Year))!;
        Assert.Equal((city.Score, city.Rank, city.RankLow, city.RankHigh), (profile.Composite.Score, profile.Composite.Rank, profile.RankLow, profile.RankHigh));
        var indicatorNodes = nodes.Select((n, i) => (n, i)).Where(x => x.n.Level == 1).Select(x => x.i).ToList();
        Assert.Equal(indicatorNodes.Select(i => city.NodeScoreValues()[i]), profile.Indicators.Select(i => i.Normalised));
        Assert.Equal(indicatorNodes.Select(i => city.NodeRankValues()[i]), profile.Indicators.Select(i => i.Rank));
        Assert.Equal(city.ContributionValues(), profile.Indicators.Select(i => i.Contribution));
        Assert.Equal(city.RawValueList(), profile.Indicators.Select(i => i.Raw));
    }

    [Fact]
    public async Task FailedRun_KeepsThePreviousRunShownAndTellsAdminsWhy()
    {
        await DoneAsync();
        int periodId, year;
        await using (var context = portal.Factory.Database.CreateContext())
        {
            (periodId, year) = await context.ReportingPeriods.OrderByDescending(p => p.Year).Skip(2).Select(p => ValueTuple.Create(p.Id, p.Year)).FirstAsync();
        }

        var before = await NewestAsync(periodId);
        var queue = portal.Factory.Services.GetRequiredService<ScoreRunQueue>();

        // A broken framework (a category without indicators, which the engine refuses) makes the run fail.
        await EmptyCategoryAsync(add: true);
        try
        {
            queue.Request(periodId, "test");
            await DoneAsync();

            Assert.Equal(before.Id, (await NewestAsync(periodId)).Id);
            Assert.Contains("EMPTY", queue.FailureOf(periodId));
            await using var admin = await SignedInScope.CreateAsync(portal.Factory.Services, DemoAccounts.Admin);
            await using var evaluator = await SignedInScope.CreateAsync(portal.Factory.Services, DemoAccounts.Evaluator);
            var forAdmin = (await admin.ServiceProvider.GetRequiredService<RankingsService>().GetAsync(year))!;
            var forEvaluator = (await evaluator.ServiceProvider.GetRequiredService<RankingsService>().GetAsync(year))!;
            Assert.Equal(before.Id, forAdmin.RunId);
            Assert.Equal(queue.FailureOf(periodId), forAdmin.Failure);
            Assert.Null(forEvaluator.Failure);
        }
        finally
        {
            await EmptyCategoryAsync(add: false);
        }

        queue.Request(periodId, "test");
        await DoneAsync();
        Assert.Null(queue.FailureOf(periodId));
    }

    private async Task EmptyCategoryAsync(bool add)
    {
        await using var context = portal.Factory.Database.CreateContext();
        if (add)
        {
            var framework = await context.Frameworks.Select(f => f.Id).SingleAsync();
            await context.Database.ExecuteSqlAsync(
                $"INSERT INTO \"Categories\" (\"FrameworkId\", \"Code\", \"NameEn\", \"NameZh\", \"Weight\", \"SortOrder\") VALUES ({framework}, 'EMPTY', 'Empty', '空', 1, 99)");
        }
        else
        {
            await context.Categories.Where(c => c.Code == "EMPTY").ExecuteDeleteAsync();
        }
    }

    private Task DoneAsync() => ScoreRuns.DoneAsync(portal.Factory.Services);

    private async Task<(int SubmissionId, int CityId, string Code, int PeriodId)> SubmittedAsync()
    {
        await using var context = portal.Factory.Database.CreateContext();
        var period = await context.ReportingPeriods.OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync();
        var submission = await context.Submissions.Where(s => s.ReportingPeriodId == period && s.Status == SubmissionStatus.Submitted).OrderBy(s => s.Id).FirstAsync();
        var code = await context.Cities.Where(c => c.Id == submission.CityId).Select(c => c.Code).SingleAsync();
        return (submission.Id, submission.CityId, code, period);
    }

    private async Task<ScoreRun> NewestAsync(int periodId)
    {
        await using var context = portal.Factory.Database.CreateContext();
        return await context.ScoreRuns.Include(r => r.Cities).Where(r => r.ReportingPeriodId == periodId).OrderByDescending(r => r.Id).FirstAsync();
    }
}
