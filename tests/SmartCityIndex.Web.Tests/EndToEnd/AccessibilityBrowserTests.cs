using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Web.Components.Layout;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// axe over every routed page of the portal, as the user who works on it, in both themes and both languages: no
/// serious or critical violation anywhere. One browser context per language, the pages in sequence; each page is
/// checked with every rule in the light theme, then switched to the dark one as the theme button does (the class on
/// <c>html</c> that selects the other palette: the markup stays the same) and checked again with the rules on colour.
/// </summary>
/// <remarks>
/// Abstract, with a class per language and half of the pages (the evaluator's, the others'), so that the four run
/// beside each other.
/// </remarks>
public abstract class AccessibilityBrowserTests(SeededPortalFixture portal, BrowserFixture browser, bool chinese, bool evaluator)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task EveryPage_BothThemes_HasNoSeriousOrCriticalAxeViolationsAndNothingBlockedByItsContentSecurityPolicy()
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
            new Cookie { Name = "sci-theme", Value = "light", Url = url },
            new Cookie { Name = ".AspNetCore.Culture", Value = chinese ? "c%3Dzh-Hans%7Cuic%3Dzh-Hans" : "c%3Den%7Cuic%3Den", Url = url },
        ]);
        // What the Content-Security-Policy blocks (an inline script, an eval, a connection elsewhere) is reported to the page.
        await context.AddInitScriptAsync("""
            window.__blocked = [];
            document.addEventListener('securitypolicyviolation', e =>
                window.__blocked.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'page'}:${e.lineNumber})`));
            """);
        var page = await context.NewPageAsync();
        var found = new StringBuilder();

        if (evaluator)
        {
            await CheckEvaluatorsPagesAsync(page, year, submissionId, found);
        }
        else
        {
            await CheckOthersPagesAsync(page, year, found);
        }

        await context.CloseAsync();
        Assert.True(found.Length == 0, $"axe found serious or critical violations, or the policy blocked something ({(chinese ? "zh-Hans" : "en")}):\n{found}");
    }

    private async Task CheckOthersPagesAsync(IPage page, int year, StringBuilder found)
    {
        // Nobody signed in.
        await CheckAsync(page, "/account/login", interactive: false, found);
        await CheckAsync(page, "/account/access-denied", interactive: false, found);

        // The official's pages.
        await SignInAsync(page, DemoAccounts.HangzhouOfficial);
        await CheckAsync(page, "/submissions", interactive: true, found);
        await CheckAsync(page, $"/submissions/CN-HZ/{year}", interactive: true, found);
        await CheckAsync(page, $"/submissions/CN-HZ/{year}/history", interactive: true, found);
        await CheckAsync(page, "/account/password", interactive: false, found);
        await CheckAsync(page, "/account/two-factor", interactive: false, found);

        // The admin's.
        await SignInAsync(page, DemoAccounts.Admin);
        await CheckAsync(page, "/admin/users", interactive: true, found);
    }

    private async Task CheckEvaluatorsPagesAsync(IPage page, int year, int submissionId, StringBuilder found)
    {
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
    }

    private async Task CheckAsync(IPage page, string path, bool interactive, StringBuilder found)
    {
        await page.GotoAsync(new Uri(portal.BaseAddress, path).ToString());
        if (interactive)
        {
            await BrowserSignIn.WaitForCircuitAsync(page);
        }

        Report(path, "light", await page.RunAxe(AllRules), found);
        foreach (var blocked in await page.EvaluateAsync<string[]>("() => window.__blocked"))
        {
            found.AppendLine($"{path}: Content-Security-Policy: {blocked}");
        }

        // At once, as a page loaded dark is: without the buttons' colour transitions, axe would read colours halfway.
        await page.AddStyleTagAsync(new() { Content = "*, *::before, *::after { transition: none !important; }" });
        await page.EvaluateAsync($"() => document.documentElement.classList.add('{ThemeStylesheet.DarkClass}')");
        Report(path, "dark", await page.RunAxe(ColourRules), found);
    }

    private static void Report(string path, string theme, AxeResult result, StringBuilder found)
    {
        foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
        {
            found.AppendLine($"{path} ({theme}): {violation.Id} ({violation.Impact}): {violation.Help}");
            foreach (var node in violation.Nodes.Take(5))
            {
                var why = node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).FirstOrDefault();
                found.AppendLine($"    {node.Target} {Shorten(node.Html)} — {why}");
            }
        }
    }

    private static readonly AxeRunOptions AllRules = new() { ResultTypes = [ResultType.Violations] };

    /// <summary>What a theme changes: the contrast of text, and links told apart from the text around them.</summary>
    private static readonly AxeRunOptions ColourRules = new()
    {
        ResultTypes = [ResultType.Violations],
        RunOnly = new RunOnlyOptions { Type = "rule", Values = ["color-contrast", "link-in-text-block"] },
    };

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

public sealed class EnglishAccessibilityBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : AccessibilityBrowserTests(portal, browser, chinese: false, evaluator: false);

public sealed class EnglishEvaluatorAccessibilityBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : AccessibilityBrowserTests(portal, browser, chinese: false, evaluator: true);

public sealed class ChineseAccessibilityBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : AccessibilityBrowserTests(portal, browser, chinese: true, evaluator: false);

public sealed class ChineseEvaluatorAccessibilityBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : AccessibilityBrowserTests(portal, browser, chinese: true, evaluator: true);
