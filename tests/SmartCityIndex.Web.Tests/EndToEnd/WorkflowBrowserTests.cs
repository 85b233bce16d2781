namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The whole round trip in the browser, as the issue tells it: an official submits, an evaluator returns one value
/// with a comment, the official fixes it and resubmits, the evaluator approves and the form is locked.
/// </summary>
public abstract class WorkflowBrowserTests(SeededPortal portal, BrowserFixture browser)
{
    private const string City = "CN-HZ";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Workflow_SubmitReturnFixResubmitApprove_EndsLocked(bool chinese)
    {
        var year = await StartFreshAsync();
        var form = $"/submissions/{City}/{year}";
        string T(string english, string zh) => chinese ? zh : english;

        // The official fills in every value and submits.
        var official = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, form, chinese);
        await FillWithLastYearAsync(official);
        await official.GetByTestId("submit").ClickAsync();
        await official.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(official.GetByTestId("status")).ToHaveTextAsync(T("Submitted", "已提交"));
        await Assertions.Expect(official.GetByTestId("submit-problems")).ToHaveCountAsync(0);
        await official.Context.CloseAsync();

        // The evaluator returns it with a comment on INF01.
        var review = $"/review/{await SubmissionIdAsync(year)}";
        var evaluator = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, review, chinese);
        await evaluator.GetByTestId("comment-INF01").ClickAsync();
        await evaluator.GetByTestId("value-comment-INF01").FillAsync(T("Which yearbook table is this from?", "该数值出自统计年鉴哪张表？"));
        await evaluator.GetByTestId("return").ClickAsync();
        await evaluator.GetByTestId("dialog-comment").FillAsync(T("Please add the source of INF01.", "请补充 INF01 的数据来源。"));
        await evaluator.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(evaluator.GetByTestId("review-status")).ToHaveTextAsync(T("Returned", "已退回"));
        await evaluator.Context.CloseAsync();

        // The official sees both comments, adds the source and resubmits.
        official = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, form, chinese);
        await Assertions.Expect(official.GetByTestId("return-comment")).ToContainTextAsync(T("Please add the source of INF01.", "请补充 INF01 的数据来源。"));
        var inf01 = official.GetByTestId("row-INF01");
        await Assertions.Expect(inf01.GetByTestId("review-comment")).ToContainTextAsync(T("Which yearbook table is this from?", "该数值出自统计年鉴哪张表？"));
        await Screenshots.SaveAsync(official, chinese ? "workflow-returned-zh-Hans" : "workflow-returned-en");
        await inf01.GetByTestId("note").FillAsync(T("Statistical yearbook 2025, table 12-3", "2025 年统计年鉴表 12-3"));
        await inf01.GetByTestId("note").PressAsync("Tab");
        await Assertions.Expect(official.GetByTestId("save-status")).ToContainTextAsync(T("All changes saved", "所有修改已于"), new() { UseInnerText = true });
        await official.GetByTestId("submit").ClickAsync();
        await official.GetByTestId("submit-confirm").ClickAsync();
        await Assertions.Expect(official.GetByTestId("status")).ToHaveTextAsync(T("Submitted", "已提交"));
        await official.Context.CloseAsync();

        // The evaluator approves.
        evaluator = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, review, chinese);
        await evaluator.GetByTestId("approve").ClickAsync();
        await evaluator.GetByTestId("dialog-confirm").ClickAsync();
        await Assertions.Expect(evaluator.GetByTestId("review-status")).ToHaveTextAsync(T("Approved", "已通过"));
        await evaluator.Context.CloseAsync();

        // The form is locked for the official.
        official = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, form, chinese);
        await Assertions.Expect(official.GetByTestId("status")).ToHaveTextAsync(T("Approved", "已通过"));
        await Assertions.Expect(official.GetByTestId("read-only")).ToContainTextAsync(T("Approved: the values are locked.", "已通过：数值已锁定。"));
        await Assertions.Expect(official.GetByTestId("row-INF01").GetByTestId("value")).ToBeDisabledAsync();
        await Assertions.Expect(official.GetByTestId("submit")).ToHaveCountAsync(0);
    }

    /// <summary>Types last year's value (shown in each row) into every row, as a quick but valid submission.</summary>
    internal static async Task FillWithLastYearAsync(IPage page)
    {
        // The prerendered form's inputs are disabled, and while the live form loads there are no rows at all:
        // count the rows only once they can be typed into.
        await Assertions.Expect(page.Locator("[data-testid^='row-'] [data-testid='value']").First).ToBeEnabledAsync();
        await page.GetByTestId("expand-all").ClickAsync(); // one category is open at first
        await Assertions.Expect(page.Locator("[data-testid^='row-']")).ToHaveCountAsync(30);
        var rows = page.Locator("[data-testid^='row-']");
        var count = await rows.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var row = rows.Nth(i);
            var meta = await row.Locator(".entry-meta").First.InnerTextAsync();
            await row.GetByTestId("value").FillAsync(meta[(meta.LastIndexOfAny([':', '：']) + 1)..].Trim());
            await row.GetByTestId("value").PressAsync("Tab");
        }

        await Assertions.Expect(page.GetByTestId("save-status")).Not.ToContainTextAsync("…", new() { UseInnerText = true });
    }

    private Task<int> StartFreshAsync() => SeededServices.StartFreshAsync(portal.Factory.Database, City);

    private Task<int> SubmissionIdAsync(int year) => DemoSubmissions.IdAsync(portal.Factory.Database, City, year);
}

/// <summary>The round trip on the embedded SQLite database.</summary>
public sealed class WorkflowOnSqliteBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : WorkflowBrowserTests(portal, browser), IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>;

/// <summary>The round trip on PostgreSQL, production's database.</summary>
public sealed class WorkflowOnPostgresBrowserTests(SeededPostgresPortalFixture portal, BrowserFixture browser)
    : WorkflowBrowserTests(portal, browser), IClassFixture<SeededPostgresPortalFixture>, IClassFixture<BrowserFixture>;
