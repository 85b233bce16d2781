namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The review page after a resubmission: the evaluator returns a value with a comment, the official changes it and
/// resubmits, and the evaluator sees what changed since the return, next to the comment made then.
/// </summary>
public sealed class ResubmissionReviewBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    private const string City = "CN-HZ";
    private const string Comment = "Which yearbook table is this from?";

    [Fact]
    public async Task ReviewPage_OfficialChangedAReturnedValue_ShowsTheChangeAndTheEarlierComment()
    {
        var year = await SeededServices.StartFreshAsync(portal.Factory.Database, City);
        var form = $"/submissions/{City}/{year}";

        var official = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, form);
        await WorkflowBrowserTests.FillWithLastYearAsync(official);
        await official.GetByTestId("submit").ClickAsync();
        await official.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(official.GetByTestId("status")).ToHaveTextAsync("Submitted");
        await official.Context.CloseAsync();

        // The evaluator returns it with a comment on INF01.
        var review = $"/review/{await SubmissionIdAsync(year)}";
        var evaluator = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, review);
        await Assertions.Expect(evaluator.GetByTestId("since-return")).ToHaveCountAsync(0);
        var shownBefore = (await evaluator.GetByTestId("row-INF01").Locator(".value").InnerTextAsync()).Trim();
        await evaluator.GetByTestId("comment-INF01").ClickAsync();
        await evaluator.GetByTestId("value-comment-INF01").FillAsync(Comment);
        await evaluator.GetByTestId("return").ClickAsync();
        await evaluator.GetByTestId("dialog-comment").FillAsync("Please give the source of INF01.");
        await evaluator.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(evaluator.GetByTestId("review-status")).ToHaveTextAsync("Returned");

        // The official changes INF01 (value and note) and resubmits.
        official = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, form);
        var inf01 = official.GetByTestId("row-INF01");
        await Assertions.Expect(inf01.GetByTestId("value")).ToBeEnabledAsync();
        var old = decimal.Parse(await inf01.GetByTestId("value").InputValueAsync(), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture);
        var changed = old > 50 ? old - 0.5m : old + 0.5m;
        await inf01.GetByTestId("value").FillAsync(changed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await inf01.GetByTestId("value").PressAsync("Tab");
        await inf01.GetByTestId("note").FillAsync("Statistical yearbook 2025, table 3-1");
        await inf01.GetByTestId("note").PressAsync("Tab");
        await Assertions.Expect(official.GetByTestId("save-status")).ToContainTextAsync("All changes saved", new() { UseInnerText = true });
        await official.GetByTestId("submit").ClickAsync();
        await official.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(official.GetByTestId("status")).ToHaveTextAsync("Submitted");
        await official.Context.CloseAsync();

        // The evaluator sees one changed value, what it was at the return, and the comment made then.
        await evaluator.GotoAsync(new Uri(portal.BaseAddress, review).ToString());
        await BrowserSignIn.WaitForCircuitAsync(evaluator);
        await Assertions.Expect(evaluator.GetByTestId("review-status")).ToHaveTextAsync("Submitted");
        await Assertions.Expect(evaluator.GetByTestId("changed-count")).ToContainTextAsync("1 of 30 values changed since the return of");
        var row = evaluator.GetByTestId("row-INF01");
        await Assertions.Expect(row.GetByTestId("changed")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("before-INF01")).ToContainTextAsync(shownBefore);
        await Assertions.Expect(row.Locator(".value")).Not.ToHaveTextAsync(shownBefore);
        await Assertions.Expect(row.GetByTestId("before-note-INF01")).ToBeVisibleAsync();
        await Assertions.Expect(row.GetByTestId("review-comment-INF01")).ToContainTextAsync(Comment);
        await Assertions.Expect(row.GetByTestId("review-comment-INF01")).ToContainTextAsync(DemoAccounts.Evaluator);
        await Assertions.Expect(evaluator.GetByTestId("row-INF02").GetByTestId("changed")).ToHaveCountAsync(0);
        await ShotAsync(evaluator, "review-resubmitted-en", 1440, 900);

        // Only the changed values.
        await evaluator.GetByLabel("Only changed values").CheckAsync();
        await Assertions.Expect(evaluator.Locator("[data-testid^='row-']")).ToHaveCountAsync(1);
        await Assertions.Expect(evaluator.GetByTestId("row-INF01")).ToBeVisibleAsync();
        await ShotAsync(evaluator, "review-resubmitted-changed-only-en", 1440, 900);
        await ShotAsync(evaluator, "review-resubmitted-changed-only-en-phone", 390, 844);
        await evaluator.SetViewportSizeAsync(1440, 900);
        await evaluator.GetByLabel("Only changed values").UncheckAsync();
        await Assertions.Expect(evaluator.Locator("[data-testid^='row-']")).ToHaveCountAsync(30);
        await ShotAsync(evaluator, "review-resubmitted-en-phone", 390, 844);

        // The same in Chinese.
        await evaluator.Context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dzh-Hans%7Cuic%3Dzh-Hans", Url = portal.BaseAddress.ToString() }]);
        await evaluator.SetViewportSizeAsync(1440, 900);
        await evaluator.GotoAsync(new Uri(portal.BaseAddress, review).ToString());
        await BrowserSignIn.WaitForCircuitAsync(evaluator);
        await Assertions.Expect(evaluator.GetByTestId("changed-count")).ToContainTextAsync("30 个数值中有 1 个发生了变化");
        await Assertions.Expect(evaluator.GetByTestId("row-INF01").GetByTestId("changed")).ToHaveTextAsync("退回后已修改");
        await ShotAsync(evaluator, "review-resubmitted-zh-Hans", 1440, 900);
        await ShotAsync(evaluator, "review-resubmitted-zh-Hans-phone", 390, 844);

        // On a phone the indicator column keeps a readable width (the table scrolls sideways instead).
        await evaluator.SetViewportSizeAsync(390, 844);
        var indicatorWidth = await evaluator.GetByTestId("row-INF01").Locator("td").First.EvaluateAsync<double>("cell => cell.getBoundingClientRect().width");
        Assert.True(indicatorWidth >= 150, $"the indicator column is {indicatorWidth} px wide on a phone");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReviewTable_At1440_ShowsTheCommentHeaderWhole(bool chinese)
    {
        int id;
        await using (var context = portal.Factory.Database.CreateContext())
        {
            id = await context.Submissions.Where(s => s.Status == SubmissionStatus.Submitted).MinAsync(s => s.Id);
        }

        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, $"/review/{id}", chinese);
        await page.SetViewportSizeAsync(1440, 900);
        var header = page.Locator("th.comment-col").First;
        await Assertions.Expect(header).ToHaveTextAsync(chinese ? "意见" : "Comment");

        // Clipped text overflows its cell: its content is wider than the cell's own box.
        var (content, box) = await WidthsAsync(header);
        Assert.True(content <= box, $"the header's text needs {content} px but its cell has {box} px");
        await ShotAsync(page, chinese ? "review-comment-header-zh-Hans" : "review-comment-header-en", 1440, 900, fullPage: false);
    }

    private static async Task<(int Content, int Box)> WidthsAsync(ILocator cell)
    {
        var widths = await cell.EvaluateAsync<int[]>("""
            th => {
                const range = document.createRange();
                range.selectNodeContents(th);
                const style = getComputedStyle(th);
                const inner = th.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                return [Math.ceil(range.getBoundingClientRect().width), Math.floor(inner)];
            }
            """);
        return (widths[0], widths[1]);
    }

    /// <summary>A screenshot at a given size (the shared helper takes them all at 1400 × 1000).</summary>
    private static async Task ShotAsync(IPage page, string name, int width, int height, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("SCI_SCREENSHOTS")
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(width, height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
    }

    private Task<int> SubmissionIdAsync(int year) => DemoSubmissions.IdAsync(portal.Factory.Database, City, year);
}
