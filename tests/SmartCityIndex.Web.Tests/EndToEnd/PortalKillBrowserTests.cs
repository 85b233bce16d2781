using System.Diagnostics;
using Xunit.Abstractions;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The portal killed (SIGKILL) while an official types (issue 11, faults): the real portal as a process of its own
/// over PostgreSQL, the entry form in headless Chromium. What was saved before the kill is in the database; what was
/// typed and not yet saved is put back from the browser when the page comes back, and the page says which is which.
/// </summary>
public sealed class PortalKillBrowserTests(PostgresFixture postgres, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<PostgresFixture>, IClassFixture<BrowserFixture>
{
    private const string City = "CN-HZ";

    [Fact]
    public async Task EntryForm_PortalKilledBeforeTheAutosave_SavedValuesStayAndTypedOnesArePutBackAndSaid()
    {
        var run = Stopwatch.StartNew();
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.PostgreSql, postgres.Cluster);
        var year = await SeededServices.StartFreshAsync(database, City);
        var port = PortalProcess.FreePort();
        var first = await PortalProcess.StartAsync(database, port);
        PortalProcess? second = null;
        try
        {
            var page = await BrowserSignIn.OpenAsAsync(browser.Browser, first.Address, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");
            page.Dialog += async (_, dialog) => await dialog.AcceptAsync(); // "Leave site?" on the reload: yes
            var status = page.GetByTestId("save-status");
            var saved = Value(page, "INF01");
            await Assertions.Expect(saved).ToBeEditableAsync(); // the form has loaded
            await saved.FillAsync("61.5");
            await saved.PressAsync("Tab");
            await Assertions.Expect(status).ToContainTextAsync("All changes saved", new() { UseInnerText = true, Timeout = 30_000 });
            var submissionId = await DemoSubmissions.IdAsync(database, City, year);
            Assert.Equal(61.5m, (await StoredAsync(database, submissionId)).GetValueOrDefault("INF01"));

            // The portal stops where it is (its connection stays open, so the page does not notice) before the keys
            // that follow can reach it, and is then killed: those keys are certainly not saved, however busy the machine.
            await page.EvaluateAsync("() => { window.sciBeforeKill = true; }");
            await first.FreezeAsync();
            var typed = Value(page, "INF02");
            await typed.ClickAsync();
            await typed.PressSequentiallyAsync("33.25", new() { Delay = 30 });
            Assert.Contains("\"value\":\"33.25\"", await page.EvaluateAsync<string>($"() => localStorage.getItem('sci-typed/{City}/{year}')"));
            await first.KillAsync();
            var killedAt = run.Elapsed;
            Assert.False((await StoredAsync(database, submissionId)).ContainsKey("INF02"));

            second = await PortalProcess.StartAsync(database, port);
            var startedIn = run.Elapsed - killedAt;
            var reloadedByBlazor = await NewDocumentAsync(page);
            await BrowserSignIn.WaitForCircuitAsync(page);

            await Assertions.Expect(Value(page, "INF02")).ToHaveValueAsync("33.25", new() { Timeout = 30_000 });
            await Assertions.Expect(Value(page, "INF01")).ToHaveValueAsync("61.5");
            var restored = page.GetByTestId("restored-from-browser");
            await Assertions.Expect(restored).ToContainTextAsync("Put back from this browser (1): typed before the page was closed or reloaded, and not saved then:", new() { UseInnerText = true });
            await Assertions.Expect(restored).ToContainTextAsync("Every other value is as it was saved in the database.", new() { UseInnerText = true });
            Assert.Equal(["INF02"], await restored.GetByTestId("restored-link").AllInnerTextsAsync());
            await Assertions.Expect(status).ToContainTextAsync("All changes saved", new() { UseInnerText = true, Timeout = 30_000 });
            await Screenshots.SaveAsync(page, "entry-restored-after-kill-en");

            var stored = await StoredAsync(database, submissionId);
            Assert.Equal((61.5m, 33.25m), (stored["INF01"], stored["INF02"]));
            await using var context = database.CreateContext();
            var audited = await context.AuditEntries.Where(a => a.EntityType == nameof(IndicatorValue) && a.EntityId.StartsWith($"{submissionId}/"))
                .GroupBy(a => a.EntityId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
            Assert.Equal(2, audited.Count);
            Assert.All(audited, a => Assert.Equal(1, a.Count)); // each saved once
            output.WriteLine($"values typed 2 (1 saved before the kill, 1 typed after it was frozen), lost 0, duplicated 0; the portal ready again {startedIn.TotalSeconds:0.0} s after the kill; the page reloaded {(reloadedByBlazor ? "by Blazor's reconnection" : "by hand")}; whole run {run.Elapsed.TotalSeconds:0.0} s");
            await page.Context.CloseAsync();
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- first portal ---\n{first.Log}\n--- second portal ---\n{second?.Log}", e);
        }
        finally
        {
            await first.DisposeAsync();
            if (second is not null)
            {
                await second.DisposeAsync();
            }
        }
    }

    private static ILocator Value(IPage page, string code) => page.GetByTestId($"row-{code}").GetByTestId("value");

    /// <summary>
    /// Waits for the page to be loaded afresh from the new portal: Blazor reloads it itself once its reconnection reaches
    /// a server that does not know its circuit; if it stopped trying before the portal was back, the person reloads.
    /// </summary>
    private static async Task<bool> NewDocumentAsync(IPage page)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (!await page.EvaluateAsync<bool>("() => window.sciBeforeKill === true"))
                {
                    return true;
                }
            }
            catch (PlaywrightException)
            {
                // The old document is going away mid-call: the next call asks the new one.
            }

            await Task.Delay(250);
        }

        await page.ReloadAsync();
        return false;
    }

    private static async Task<Dictionary<string, decimal?>> StoredAsync(TestDatabase database, int submissionId)
    {
        await using var context = database.CreateContext();
        return await context.IndicatorValues.Where(v => v.SubmissionId == submissionId)
            .Join(context.Indicators, v => v.IndicatorId, i => i.Id, (v, i) => new { i.Code, v.Value })
            .ToDictionaryAsync(x => x.Code, x => x.Value);
    }
}
