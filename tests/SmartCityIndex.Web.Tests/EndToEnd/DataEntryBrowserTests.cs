namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>An official enters data in the browser, as the issue describes it.</summary>
public sealed class DataEntryBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    private const string City = "CN-HZ";

    [Fact]
    public async Task EntryForm_OnAPhoneDarkInChinese_FitsTheScreenWidthWithAnErrorAndAWarningShown()
    {
        var year = await StartFreshAsync();
        var context = await browser.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        var url = portal.BaseAddress.ToString();
        await context.AddCookiesAsync([
            new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dzh-Hans%7Cuic%3Dzh-Hans", Url = url },
            new Cookie { Name = "sci-theme", Value = "dark", Url = url },
        ]);
        var page = await BrowserSignIn.OpenInAsync(context, portal.BaseAddress, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");

        await Row(page, "INF01").GetByTestId("value").FillAsync("150"); // outside 0–100: an error
        await Row(page, "INF01").GetByTestId("value").PressAsync("Tab");
        await Row(page, "INF03").GetByTestId("value").FillAsync("30"); // outside the plausible 80–100: a warning
        await Row(page, "INF03").GetByTestId("value").PressAsync("Tab");
        await Assertions.Expect(Row(page, "INF01").GetByTestId("error")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "INF03").GetByTestId("warning").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("1 项未保存", new() { UseInnerText = true });

        // Nothing wider than the phone: no sideways scrolling of the page, every input within the screen.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the entry form scrolls sideways on a 390 px phone");
        Assert.True(await page.EvaluateAsync<bool>("() => [...document.querySelectorAll('.entry-row input.entry-input')].every(i => i.getBoundingClientRect().right <= window.innerWidth)"),
            "an input of the entry form reaches past the screen's edge");
        await Screenshots.SaveAsync(page, "entry-phone-dark-zh-Hans", new() { Width = 390, Height = 844 });
        await context.CloseAsync();
    }

    [Fact]
    public async Task EntryForm_PartlyFilledThenReloaded_KeepsTheValuesAndSubmitsOnceComplete()
    {
        var year = await StartFreshAsync();
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, "/submissions");
        await Assertions.Expect(page.GetByTestId($"due-{City}-{year}")).ToContainTextAsync("Not started");
        await Screenshots.SaveAsync(page, "my-submissions-en");
        await page.GetByTestId($"open-{City}-{year}").ClickAsync();
        await page.WaitForURLAsync($"**/submissions/{City}/{year}");
        await BrowserSignIn.WaitForCircuitAsync(page);

        // Type two values; the first saves after a pause, the second when the field is left.
        await Row(page, "INF01").GetByTestId("value").FillAsync("92.5");
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true });
        await Row(page, "INF02").GetByTestId("value").FillAsync("1,234");
        await Row(page, "INF02").GetByTestId("value").PressAsync("Tab");
        await Assertions.Expect(Row(page, "INF02").GetByTestId("error")).ToContainTextAsync("Must be between 0 and 100");

        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("1 field not saved: INF02", new() { UseInnerText = true });

        // What could not be saved stays, with its error, until it is fixed or discarded: also after a reload.
        await page.ReloadAsync();
        await BrowserSignIn.WaitForCircuitAsync(page);
        await Assertions.Expect(Row(page, "INF01").GetByTestId("value")).ToHaveValueAsync("92.5");
        await Assertions.Expect(Row(page, "INF02").GetByTestId("value")).ToHaveValueAsync("1,234");
        await Assertions.Expect(Row(page, "INF02").GetByTestId("error")).ToContainTextAsync("Must be between 0 and 100");
        await Assertions.Expect(page.GetByTestId("save-status")).ToHaveTextAsync("1 field not saved: INF02", new() { UseInnerText = true });
        await Screenshots.SaveAsync(page, "entry-en");
        await Row(page, "INF02").GetByTestId("discard").ClickAsync();
        await Assertions.Expect(Row(page, "INF02").GetByTestId("value")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true });
        await page.ReloadAsync();
        await BrowserSignIn.WaitForCircuitAsync(page);
        await Assertions.Expect(Row(page, "INF01").GetByTestId("value")).ToHaveValueAsync("92.5");
        await Assertions.Expect(Row(page, "INF02").GetByTestId("value")).ToHaveValueAsync(string.Empty);
        await Assertions.Expect(Row(page, "INF02").GetByTestId("error")).ToHaveCountAsync(0);

        // The value's history is one click from the field.
        await Row(page, "INF01").GetByTestId("value-history").ClickAsync();
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("INF01");
        await Assertions.Expect(page.GetByTestId("history").Locator("tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync("92.5");
        await Assertions.Expect(page.GetByTestId("history")).ToContainTextAsync(DemoAccounts.HangzhouOfficial);
    }

    [Fact]
    public async Task EntryForm_CompleteWithAWarning_NeedsANoteThenSubmitsAndLocks()
    {
        var year = await StartFreshAsync();
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");

        // Only the first category with work to do is open (its rows alone are rendered); "open all" shows the rest.
        var rows = page.Locator("[data-testid^='row-']");
        await Assertions.Expect(rows).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("category-IND").Locator("button")).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByTestId("expand-all").ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(30);
        await Assertions.Expect(page.GetByTestId("expand-all")).ToHaveTextAsync("Close all categories");

        // Every value as last year's (shown in the row), except INF01 below its plausible range of 40–100.
        var count = await rows.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            var meta = await row.Locator(".entry-meta").First.InnerTextAsync();
            var lastYear = meta[(meta.LastIndexOf(':') + 1)..].Trim();
            await row.GetByTestId("value").FillAsync(i == 0 ? "30" : lastYear);
            await row.GetByTestId("value").PressAsync("Tab");
        }

        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true });
        var warnings = Row(page, "INF01").GetByTestId("warning");
        await Assertions.Expect(warnings.First).ToContainTextAsync("Outside the plausible range 40–100. Explain it in the note before submitting.");
        await Assertions.Expect(warnings.Nth(1)).ToContainTextAsync("compared with last year");
        await page.GetByTestId("submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-confirm")).ToBeFocusedAsync();
        await Screenshots.SaveAsync(page, "entry-confirm-en");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("submit-problems")).ToContainTextAsync("INF01: The value has a warning: explain it in the note.");

        // The problem's link brings its row into view below the app bar, with the focus in its input.
        await page.GetByTestId("submit-problems").GetByRole(AriaRole.Link, new() { Name = "INF01" }).ClickAsync();
        await Assertions.Expect(Row(page, "INF01").GetByTestId("value")).ToBeFocusedAsync();
        var top = await Row(page, "INF01").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        var bar = await page.Locator(".mud-appbar").EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
        Assert.True(top >= bar, $"the row's top ({top} px) is hidden under the app bar (its bottom at {bar} px)");
        Assert.EndsWith($"/submissions/{City}/{year}", page.Url);

        await Row(page, "INF01").GetByTestId("note").FillAsync("New survey method in 2025; see the statistics bureau's note 3.");
        await Row(page, "INF01").GetByTestId("note").PressAsync("Tab");
        await Assertions.Expect(warnings.First).Not.ToContainTextAsync("Explain it in the note");
        await page.GetByTestId("submit").ClickAsync();
        await page.GetByTestId("submit-cancel").ClickAsync();
        await Assertions.Expect(page.GetByTestId("submit-confirm")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Draft");
        await page.GetByTestId("submit").ClickAsync();
        await page.GetByTestId("submit-confirm").ClickAsync();

        await Assertions.Expect(page.GetByTestId("status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(page.GetByTestId("submitted")).ToHaveTextAsync("Submitted for review.");
        await Assertions.Expect(page.GetByTestId("read-only")).ToBeVisibleAsync();
        await Assertions.Expect(Row(page, "INF02").GetByTestId("value")).ToBeDisabledAsync();
    }

    [Fact]
    public async Task EntryForm_InChinese_SavesAndExplainsInChinese()
    {
        var year = await StartFreshAsync();
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, "/submissions", chinese: true);
        await Assertions.Expect(page.GetByTestId($"due-{City}-{year}")).ToContainTextAsync("未开始");
        await Screenshots.SaveAsync(page, "my-submissions-zh-Hans");
        await page.GetByTestId($"open-{City}-{year}").ClickAsync();
        await page.WaitForURLAsync($"**/submissions/{City}/{year}");
        await BrowserSignIn.WaitForCircuitAsync(page);

        await Row(page, "INF01").GetByTestId("value").FillAsync("30");
        await Row(page, "INF01").GetByTestId("value").PressAsync("Tab");

        await Assertions.Expect(page.GetByTestId("save-status")).ToContainTextAsync("所有修改已于", new() { UseInnerText = true });
        await Assertions.Expect(Row(page, "INF01").GetByTestId("warning").First).ToContainTextAsync("超出合理范围 40–100。提交前请在备注中说明。");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"杭州 · {year} 年度数据");
        await Screenshots.SaveAsync(page, "entry-zh-Hans");
    }

    [Fact]
    public async Task EntryForm_SameValueSavedMeanwhileInAnotherTab_ShowsTheirValueAndTakesItOnRequest()
    {
        var year = await StartFreshAsync();
        var path = $"/submissions/{City}/{year}";
        var mine = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, path);
        await Row(mine, "INF01").GetByTestId("value").FillAsync("1");
        await Row(mine, "INF01").GetByTestId("value").PressAsync("Tab");
        await Assertions.Expect(mine.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true });
        var theirs = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, path);

        // They save 92.5 while this form still has 1 as the saved value; then this form changes the same value.
        await Row(theirs, "INF01").GetByTestId("value").FillAsync("92.5");
        await Row(theirs, "INF01").GetByTestId("value").PressAsync("Tab");
        await Assertions.Expect(theirs.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true });
        await Row(mine, "INF01").GetByTestId("value").FillAsync("80");
        await Row(mine, "INF01").GetByTestId("value").PressAsync("Tab");

        await Assertions.Expect(Row(mine, "INF01").GetByTestId("conflict")).ToContainTextAsync("Someone else saved this value meanwhile: 92.5.");
        await Assertions.Expect(mine.GetByTestId("save-status")).ToHaveTextAsync("1 field not saved: INF01", new() { UseInnerText = true });
        await Screenshots.SaveAsync(mine, "entry-conflict-en");
        await Row(mine, "INF01").GetByRole(AriaRole.Button, new() { Name = "Use their value" }).ClickAsync();
        await Assertions.Expect(Row(mine, "INF01").GetByTestId("conflict")).ToHaveCountAsync(0);
        await Assertions.Expect(Row(mine, "INF01").GetByTestId("value")).ToHaveValueAsync("92.5");
        await mine.ReloadAsync();
        await BrowserSignIn.WaitForCircuitAsync(mine);
        await Assertions.Expect(Row(mine, "INF01").GetByTestId("value")).ToHaveValueAsync("92.5");
    }

    private static ILocator Row(IPage page, string code) => page.GetByTestId($"row-{code}");

    private Task<int> StartFreshAsync() => SeededServices.StartFreshAsync(portal.Factory.Database, City);
}
