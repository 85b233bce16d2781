namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>Typing fast into the entry form of a slow server: every key typed arrives, in the form and in the database.</summary>
public sealed class EntryTypingBrowserTests(SlowServerPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SlowServerPortalFixture>, IClassFixture<BrowserFixture>
{
    private const string City = "CN-HZ";

    private static readonly (string Code, string Note, int KeyDelay)[] Notes =
    [
        ("INF01", "Yearbook 2025, p. 14", 20),
        ("INF02", "Statistical bulletin", 45),
        ("INF03", "Survey of households", 120),
        ("INF04", "Provincial data 2024", 70),
        ("INF05", "Estimate; see annex B", 30),
        ("INF06", "Ministry report no. 7", 95),
    ];

    [Fact]
    public async Task EntryForm_NotesTypedFastOnASlowServer_SavesEveryCharacter()
    {
        var year = await SeededServices.StartFreshAsync(portal.Factory.Database, City);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");

        foreach (var (code, note, delay) in Notes)
        {
            var input = Row(page, code).GetByTestId("note");
            await input.ClickAsync();
            await input.PressSequentiallyAsync(note, new() { Delay = delay });
        }

        await Row(page, "INF01").GetByTestId("value").ClickAsync(); // leaves the last note
        foreach (var (code, note, _) in Notes)
        {
            await Assertions.Expect(Row(page, code).GetByTestId("note")).ToHaveValueAsync(note);
        }

        // "All changes saved" only once the database holds every key typed: no waiting for it after the status says so.
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true, Timeout = 30_000 });
        Assert.Equal(Notes.Select(n => (n.Code, (string?)n.Note)), await SavedNotesAsync(year, TimeSpan.Zero));
        await page.ReloadAsync();
        await BrowserSignIn.WaitForCircuitAsync(page);
        foreach (var (code, note, _) in Notes)
        {
            await Assertions.Expect(Row(page, code).GetByTestId("note")).ToHaveValueAsync(note);
        }
    }

    [Fact]
    public async Task EntryForm_ReloadedRightAfterTypingOnASlowServer_PutsBackEveryKey()
    {
        var year = await SeededServices.StartFreshAsync(portal.Factory.Database, City);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Type);
            await dialog.AcceptAsync(); // "Leave site?": yes
        };
        var typed = Notes.Take(3).ToArray();
        foreach (var (code, note, _) in typed)
        {
            var input = Row(page, code).GetByTestId("note");
            await input.ClickAsync();
            await input.PressSequentiallyAsync(note, new() { Delay = 20 });
        }

        // The last keys are still on their way to the slow server: the page says so, and asks before it is left.
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("Saving…", new() { UseInnerText = true });
        await page.ReloadAsync();
        Assert.Contains("beforeunload", dialogs);

        await BrowserSignIn.WaitForCircuitAsync(page);
        foreach (var (code, note, _) in typed)
        {
            await Assertions.Expect(Row(page, code).GetByTestId("note")).ToHaveValueAsync(note);
        }

        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true, Timeout = 30_000 });
        Assert.Equal(typed.Select(n => (n.Code, (string?)n.Note)), (await SavedNotesAsync(year, TimeSpan.Zero)).Take(3));
        Assert.Equal("null", await page.EvaluateAsync<string>($"() => String(localStorage.getItem('sci-typed/{City}/{year}'))"));
    }

    private static ILocator Row(IPage page, string code) => page.GetByTestId($"row-{code}");

    /// <summary>The notes stored for the typed rows, once every one of them is as typed or the time is up.</summary>
    private async Task<List<(string Code, string? Note)>> SavedNotesAsync(int year, TimeSpan within)
    {
        var codes = Notes.Select(n => n.Code).ToArray();
        var submissionId = await DemoSubmissions.IdAsync(portal.Factory.Database, City, year);
        var until = DateTime.UtcNow + within;
        while (true)
        {
            await using var context = portal.Factory.Database.CreateContext();
            var stored = await (
                from v in context.IndicatorValues
                join i in context.Indicators on v.IndicatorId equals i.Id
                where v.SubmissionId == submissionId && codes.Contains(i.Code)
                select new { i.Code, v.Note }).ToListAsync();
            var notes = Notes.Select(n => (n.Code, stored.FirstOrDefault(x => x.Code == n.Code)?.Note)).ToList();
            if (notes.SequenceEqual(Notes.Select(n => (n.Code, (string?)n.Note))) || DateTime.UtcNow > until)
            {
                return notes;
            }

            await Task.Delay(200);
        }
    }
}
