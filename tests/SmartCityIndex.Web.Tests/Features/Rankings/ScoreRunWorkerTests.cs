using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Domain.Runs;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Web.Features.Rankings;
using SmartCityIndex.Web.Features.Review;
using SmartCityIndex.Web.Tests.Infrastructure;

namespace SmartCityIndex.Web.Tests.Features.Rankings;

/// <summary>The portal keeps its rankings current by itself: approvals and reopenings are scored in the background.</summary>
public sealed class ScoreRunWorkerTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
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
        Assert.StartsWith($"approved {code}", approved.Trigger);

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

    private async Task DoneAsync()
    {
        var queue = portal.Factory.Services.GetRequiredService<ScoreRunQueue>();
        for (var i = 0; i < 300 && queue.Pending > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, queue.Pending);
    }

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
