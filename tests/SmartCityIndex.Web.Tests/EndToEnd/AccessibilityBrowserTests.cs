using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using SmartCityIndex.Domain.Periods;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// axe over every routed page of the portal, as the user who works on it, in both themes and both languages: no
/// serious or critical violation anywhere. One browser context per theme and language, the pages in sequence.
/// </summary>
public sealed class AccessibilityBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task EveryPage_ThemeAndLanguage_HasNoSeriousOrCriticalAxeViolations(bool dark, bool chinese)
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var (year, submissionId) = await HangzhouSubmissionAsync();
        var context = await browser.Browser.NewContextAsync(new()
        {
            Locale = chinese ? "zh-CN" : "en-US",
            ViewportSize = new() { Width = 1440, Height = 900 },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var url = portal.BaseAddress.ToString();
        await context.AddCookiesAsync([
            new Cookie { Name = "sci-theme", Value = dark ? "dark" : "light", Url = url },
            new Cookie { Name = ".AspNetCore.Culture", Value = chinese ? "c%3Dzh-Hans%7Cuic%3Dzh-Hans" : "c%3Den%7Cuic%3Den", Url = url },
        ]);
        var page = await context.NewPageAsync();
        var found = new StringBuilder();

        // Nobody signed in.
        await CheckAsync(page, "/account/login", interactive: false, found);
        await CheckAsync(page, "/account/access-denied", interactive: false, found);

        // The official's pages.
        await SignInAsync(page, DemoAccounts.HangzhouOfficial);
        await CheckAsync(page, "/submissions", interactive: true, found);
        await CheckAsync(page, $"/submissions/CN-HZ/{year}", interactive: true, found);
        await CheckAsync(page, $"/submissions/CN-HZ/{year}/history", interactive: true, found);
        await CheckAsync(page, "/account/password", interactive: false, found);

        // The evaluator's.
        await SignInAsync(page, DemoAccounts.Evaluator);
        await CheckAsync(page, "/review", interactive: true, found);
        await CheckAsync(page, $"/review/{submissionId}", interactive: true, found);
        await CheckAsync(page, "/rankings", interactive: true, found);
        await CheckAsync(page, $"/rankings/CN-HZ?year={year - 1}", interactive: true, found);
        await CheckAsync(page, $"/compare?cities=CN-HZ,CN-SZ,CN-GZ&year={year - 1}", interactive: true, found);
        await CheckAsync(page, "/method", interactive: true, found);
        await CheckAsync(page, "/framework", interactive: true, found);
        await CheckAsync(page, "/cities", interactive: true, found);
        await CheckAsync(page, "/no-such-page", interactive: true, found);

        // The admin's.
        await SignInAsync(page, DemoAccounts.Admin);
        await CheckAsync(page, "/admin/users", interactive: true, found);

        await context.CloseAsync();
        Assert.True(found.Length == 0, $"axe found serious or critical violations ({(dark ? "dark" : "light")}, {(chinese ? "zh-Hans" : "en")}):\n{found}");
    }

    private async Task CheckAsync(IPage page, string path, bool interactive, StringBuilder found)
    {
        await page.GotoAsync(new Uri(portal.BaseAddress, path).ToString());
        if (interactive)
        {
            await BrowserSignIn.WaitForCircuitAsync(page);
        }

        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var result = await page.RunAxe();
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            found.AppendLine($"{path}: {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault();
                found.AppendLine($"    {node.Target} {Shorten(node.Html)} — {why}");
            }
        }
    }

    private async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync(new Uri(portal.BaseAddress, "/account/login?ReturnUrl=%2Fcities").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/cities");
    }

    private static string Shorten(string? text) => text is null ? string.Empty : text.ReplaceLineEndings(" ").Length > 220 ? text.ReplaceLineEndings(" ")[..220] + "…" : text.ReplaceLineEndings(" ");

    private Task<(int Year, int Id)> HangzhouSubmissionAsync() => DemoSubmissions.InNewestOpenYearAsync(portal.Factory.Database, "CN-HZ");
}
