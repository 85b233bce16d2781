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

        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { Timeout = 20_000 });
        await page.ReloadAsync();
        await BrowserSignIn.WaitForCircuitAsync(page);
        foreach (var (code, note, _) in Notes)
        {
            await Assertions.Expect(Row(page, code).GetByTestId("note")).ToHaveValueAsync(note);
        }
    }

    private static ILocator Row(IPage page, string code) => page.GetByTestId($"row-{code}");
}
