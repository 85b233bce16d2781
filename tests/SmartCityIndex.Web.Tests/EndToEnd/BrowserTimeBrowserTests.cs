namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>Times are stored in UTC and shown in the browser's time zone on every page that shows one.</summary>
public sealed class BrowserTimeBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Times_BrowserInShanghai_ShowInChinaStandardTimeNotUtc()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        DateTime submittedAt;
        await using (var context = portal.Factory.Database.CreateContext())
        {
            submittedAt = await context.Submissions.Where(s => s.Status == SubmissionStatus.Submitted).MaxAsync(s => s.SubmittedAt!.Value);
        }

        await using var browserContext = await browser.Browser.NewContextAsync(new() { TimezoneId = "Asia/Shanghai", ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await BrowserSignIn.OpenInAsync(browserContext, portal.BaseAddress, DemoAccounts.Evaluator, "/review");

        // The review queue: the newest submission's time, eight hours ahead of UTC, and no "UTC" left.
        var local = submittedAt.AddHours(8).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(local);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UTC");

        // The method page's run time and the rankings' summary likewise.
        await page.GotoAsync(new Uri(portal.BaseAddress, "/method").ToString());
        await BrowserSignIn.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("run-identity")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UTC");
        await page.GotoAsync(new Uri(portal.BaseAddress, "/rankings").ToString());
        await BrowserSignIn.WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync("UTC");
    }
}
