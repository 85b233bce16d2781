namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>The rankings of many cities: the grid renders only the rows in view, however far one scrolls.</summary>
public sealed class RankingsAtScaleBrowserTests(ManyCitiesPortalFixture portal, BrowserFixture browser)
    : IClassFixture<ManyCitiesPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Rankings_ManyCitiesScrolledToTheEnd_ShowTheLastRankWithOnlyTheRowsInViewRendered()
    {
        var year = await ScoreEveryCompleteYearAsync();
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, $"/rankings?year={year}");
        var rows = page.GetByTestId("rank-row");
        await Assertions.Expect(page.GetByTestId("rank-count")).ToContainTextAsync($"{ManyCitiesPortalFixture.Cities} of {ManyCitiesPortalFixture.Cities} cities");
        await Assertions.Expect(rows.First.Locator("td.rank")).ToHaveTextAsync("1");
        Assert.InRange(await rows.CountAsync(), 10, 60);

        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");

        var last = page.Locator("td.rank", new() { HasTextRegex = new($"^{ManyCitiesPortalFixture.Cities}$") });
        await Assertions.Expect(last).ToBeVisibleAsync();
        Assert.InRange(await rows.CountAsync(), 10, 60);
        await Assertions.Expect(rows.First.Locator("td.rank")).Not.ToHaveTextAsync("1");

        // The header sticks below the app bar at the end of the page too, and printing puts every row in the page.
        var header = (await page.GetByTestId("sort-composite").Locator("..").BoundingBoxAsync())!;
        Assert.InRange(header.Y, 63, 66);
        await page.EvaluateAsync("() => { window.print = () => { window.printedRows = document.querySelectorAll('[data-testid=rank-row]').length; }; }");
        await page.GetByTestId("print").ClickAsync();
        await page.WaitForFunctionAsync("() => window.printedRows !== undefined");
        Assert.Equal(ManyCitiesPortalFixture.Cities, await page.EvaluateAsync<int>("() => window.printedRows"));
        await Assertions.Expect(rows.Nth(60)).Not.ToBeAttachedAsync(); // virtualised again once printed
        await Assertions.Expect(rows.Nth(9)).ToBeAttachedAsync();
    }

    /// <summary>The fixture adds its cities after start-up; score the years in which all are approved again.</summary>
    private async Task<int> ScoreEveryCompleteYearAsync()
    {
        await using var context = portal.Factory.Database.CreateContext();
        var complete = await context.ReportingPeriods
            .Where(p => !context.Submissions.Any(s => s.ReportingPeriodId == p.Id && s.Status != SubmissionStatus.Approved))
            .OrderByDescending(p => p.Year).Select(p => new { p.Id, p.Year }).FirstAsync();
        portal.Factory.Services.GetRequiredService<ScoreRunQueue>().Request(complete.Id, "test: more cities");
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        return complete.Year;
    }
}
