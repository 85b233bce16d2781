using System.Text.RegularExpressions;

namespace SmartCityIndex.Web.Tests.EndToEnd;

public sealed partial class ReviewBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    [GeneratedRegex(@"/review/\d+$")]
    private static partial Regex ReviewAddress();

    [Fact]
    public async Task ReviewQueue_ReturnOneWithAValueCommentAndApproveAnother_ShowsTheNewStatusesAndHistory()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/review");
        var rows = page.GetByTestId("review-grid").Locator("tbody tr");
        await Assertions.Expect(rows.First.GetByTestId("review-status")).ToHaveTextAsync("Submitted");
        var submitted = await rows.CountAsync();
        Assert.True(submitted >= 2, $"the demo data should have at least two submitted submissions, not {submitted}");
        await Screenshots.SaveAsync(page, "review-queue-en");

        // Return the first one, with a comment on its first value.
        var city = (await rows.First.GetByTestId("open-review").InnerTextAsync()).Trim();
        await rows.First.GetByTestId("open-review").ClickAsync();
        await page.WaitForURLAsync(ReviewAddress());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(city);
        var commentButton = page.Locator("[data-testid^='comment-']").First;
        var code = (await commentButton.GetAttributeAsync("data-testid"))!["comment-".Length..];
        await commentButton.ClickAsync();
        await page.GetByTestId($"value-comment-{code}").FillAsync("Please give the source table for this value.");
        await Screenshots.SaveAsync(page, "review-page-en");

        await page.GetByTestId("return").ClickAsync();
        await Assertions.Expect(page.GetByTestId("dialog-note")).ToContainTextAsync("Value comments sent with it: 1.");
        await page.GetByTestId("dialog-comment").FillAsync("Two values need their sources; see the comments.");
        await Screenshots.SaveAsync(page, "review-return-dialog-en");
        await page.GetByTestId("dialog-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("Returned");
        var latest = page.GetByTestId("history-item").First;
        await Assertions.Expect(latest).ToContainTextAsync("Submitted → Returned");
        await Assertions.Expect(latest).ToContainTextAsync(DemoAccounts.Evaluator);
        await Assertions.Expect(latest).ToContainTextAsync("Two values need their sources; see the comments.");
        await Assertions.Expect(page.GetByTestId($"review-comment-{code}")).ToContainTextAsync("Please give the source table for this value.");
        await Assertions.Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "review-returned-en");

        // Back in the queue it is gone; approve the next one.
        await page.GetByTestId("back-to-queue").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(submitted - 1);
        await Assertions.Expect(rows.First.GetByTestId("open-review")).Not.ToHaveTextAsync(city);
        await rows.First.GetByTestId("open-review").ClickAsync();
        await page.WaitForURLAsync(ReviewAddress());
        await page.GetByTestId("approve").ClickAsync();
        await page.GetByTestId("dialog-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("Approved");
        await Assertions.Expect(page.GetByTestId("locked")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("history-item").First).ToContainTextAsync("Submitted → Approved");
        await Assertions.Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "review-approved-en");
    }

    [Fact]
    public async Task ReviewPages_InChinese_ShowChineseLabelsAndCityNames()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/review");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/culture?culture=zh-Hans&redirectUri=%2Freview").ToString());
        await BrowserSignIn.WaitForCircuitAsync(page);

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "审核队列", Level = 1 })).ToBeVisibleAsync();
        var rows = page.GetByTestId("review-grid").Locator("tbody tr");
        await Assertions.Expect(rows.First.GetByTestId("review-status")).ToHaveTextAsync("已提交");
        await Screenshots.SaveAsync(page, "review-queue-zh-Hans");

        await rows.First.GetByTestId("open-review").ClickAsync();
        await page.WaitForURLAsync(ReviewAddress());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "状态记录" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "基础设施" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "review-page-zh-Hans");

        await page.GetByTestId("return").ClickAsync();
        await page.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("decision-dialog")).ToContainTextAsync("请填写此项。");
        await Screenshots.SaveAsync(page, "review-return-dialog-zh-Hans");
        await page.GetByTestId("dialog-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("已提交");
    }

    [Fact]
    public async Task ReviewPage_SomeoneElseDecidedMeanwhile_SaysSoReloadsAndSavesNothing()
    {
        var id = await LastSubmittedAsync();
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, $"/review/{id}");
        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("Submitted");

        // A colleague returns it while this page is open.
        await using (var colleague = portal.Factory.Database.CreateContext())
        {
            var submission = await colleague.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == id);
            submission.Return("colleague@sci.demo", DateTime.UtcNow, "Returned by a colleague");
            await colleague.SaveChangesAsync();
        }

        await page.GetByTestId("approve").ClickAsync();
        await page.GetByTestId("dialog-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("conflict")).ToContainTextAsync("Nothing was saved");
        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("Returned");
        await Assertions.Expect(page.GetByTestId("history-item").First).ToContainTextAsync("colleague@sci.demo");
        await Assertions.Expect(page.GetByTestId("approve")).ToHaveCountAsync(0);
        await Screenshots.SaveAsync(page, "review-conflict-en");
        await using var check = portal.Factory.Database.CreateContext();
        Assert.Equal(SubmissionStatus.Returned, (await check.Submissions.SingleAsync(s => s.Id == id)).Status);
    }

    [Fact]
    public async Task ReviewPage_AdminReopensAnApprovedSubmission_WithAReason()
    {
        int id;
        await using (var context = portal.Factory.Database.CreateContext())
        {
            var latest = await context.ReportingPeriods.OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync();
            id = await context.Submissions.Where(s => s.ReportingPeriodId == latest && s.Status == SubmissionStatus.Approved).MaxAsync(s => s.Id);
        }

        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Admin, $"/review/{id}");
        await Assertions.Expect(page.GetByTestId("locked")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "review-approved-admin-en");
        await page.GetByTestId("reopen").ClickAsync();
        await page.GetByTestId("dialog-comment").FillAsync("The city reported a wrong unit for IND03.");
        await page.GetByTestId("dialog-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("review-status")).ToHaveTextAsync("Returned");
        await Assertions.Expect(page.GetByTestId("history-item").First).ToContainTextAsync("Approved → Returned");
        await Assertions.Expect(page.GetByTestId("history-item").First).ToContainTextAsync("The city reported a wrong unit for IND03.");
        await Assertions.Expect(page.GetByTestId("reopen")).ToHaveCountAsync(0);
    }

    private async Task<int> LastSubmittedAsync()
    {
        await using var context = portal.Factory.Database.CreateContext();
        return await context.Submissions.Where(s => s.Status == SubmissionStatus.Submitted).MaxAsync(s => s.Id);
    }
}
