namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// An official types while PostgreSQL is stopped (probe finding 7), in a real browser: the page stays, says the values
/// are kept, keeps them over a reload, and saves them once the database is back, without being sent to sign in.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class OutageBrowserTests(OutageCluster outage, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string City = "CN-HZ";

    [Fact]
    public async Task EntryForm_TypedWhileTheDatabaseIsStopped_KeptAndSavedWhenItIsBack()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.PostgreSql, outage.Cluster);
        await using var factory = new PortalFactory(database);
        var address = await factory.StartOnKestrelAsync();
        var year = await SeededServices.StartFreshAsync(database, City);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, address, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");
        var status = page.GetByTestId("save-status");
        await Assertions.Expect(page.GetByTestId("row-INF01").GetByTestId("value")).ToBeEditableAsync(); // the form has loaded

        await outage.Cluster.StopAsync();
        try
        {
            await page.GetByTestId("row-INF01").GetByTestId("value").FillAsync("77.5");
            await page.GetByTestId("row-INF01").GetByTestId("value").PressAsync("Tab");
            await Assertions.Expect(status).ToHaveTextAsync("Cannot reach the database: your values are kept in this page and saved when it is back",
                new() { UseInnerText = true, Timeout = 20_000 });
            await Screenshots.SaveAsync(page, "entry-database-away-en");

            // A reload meanwhile: the form cannot open, says why, and the browser still has the value.
            await page.ReloadAsync();
            await Assertions.Expect(page.GetByTestId("entry-unreachable")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Screenshots.SaveAsync(page, "entry-database-away-reloaded-en");
        }
        finally
        {
            await outage.Cluster.StartAgainAsync();
        }

        // The page opened during the outage offers to try again; if it opened as the database came back (EF Core's
        // retries), the form is there already.
        await BrowserSignIn.WaitForCircuitAsync(page);
        var retry = page.GetByTestId("entry-retry");
        await Assertions.Expect(retry.Or(page.GetByTestId("row-INF01"))).ToBeVisibleAsync(new() { Timeout = 20_000 });
        if (await retry.IsVisibleAsync())
        {
            await retry.ClickAsync();
        }

        await Assertions.Expect(page.GetByTestId("row-INF01").GetByTestId("value")).ToHaveValueAsync("77.5", new() { Timeout = 20_000 });
        await Assertions.Expect(status).ToContainTextAsync("All changes saved", new() { UseInnerText = true, Timeout = 20_000 });

        Assert.Equal($"/submissions/{City}/{year}", new Uri(page.Url).AbsolutePath);
        await using var context = database.CreateContext();
        var submission = await context.Submissions.Include(s => s.Values)
            .SingleAsync(s => context.Cities.Any(c => c.Id == s.CityId && c.Code == City) && context.ReportingPeriods.Any(p => p.Id == s.ReportingPeriodId && p.Year == year));
        var inf01 = await context.Indicators.Where(i => i.Code == "INF01").Select(i => i.Id).ToListAsync();
        Assert.Equal(77.5m, Assert.Single(submission.Values, v => inf01.Contains(v.IndicatorId)).Value); // saved once
        await page.Context.CloseAsync();
    }
}
