using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// Signing in through the sign-in page, as a person would, and waiting for the page to become interactive. The first
/// sign-in of a user on a portal goes through the form; later ones in new browser contexts reuse its session cookie,
/// as a browser that stays signed in does, which spares a page load and a password hash each (the suite is bound by
/// CPU). A cookie the portal no longer accepts (the account disabled, its role changed, signed out) lands on the
/// sign-in page, and the form is used again.
/// </summary>
internal static class BrowserSignIn
{
    /// <summary>The portal's session cookie (AuthenticationSetup).</summary>
    private const string SessionCookie = "sci.auth";

    /// <summary>
    /// The session cookies per portal and e-mail, keyed by the portal fixture's own address object: a later portal on
    /// the same port (over another database) does not see them.
    /// </summary>
    private static readonly ConditionalWeakTable<Uri, ConcurrentDictionary<string, Cookie[]>> Sessions = new();

    public static async Task<IPage> OpenAsAsync(IBrowser browser, Uri baseAddress, string email, string path, bool chinese = false)
    {
        // The screenshots' size from the start, so that no layout change is caught mid-transition.
        var context = await browser.NewContextAsync(new() { Locale = chinese ? "zh-CN" : "en-US", ViewportSize = new() { Width = 1400, Height = 1000 } });
        if (chinese)
        {
            // The language the switcher would have stored.
            await context.AddCookiesAsync([new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dzh-Hans%7Cuic%3Dzh-Hans", Url = baseAddress.ToString() }]);
        }

        return await OpenInAsync(context, baseAddress, email, path);
    }

    /// <summary>Signs in within an existing browser context (its size, language and cookies as the test set them).</summary>
    public static async Task<IPage> OpenInAsync(IBrowserContext context, Uri baseAddress, string email, string path)
    {
        var target = path.Split('?')[0];
        var page = await context.NewPageAsync();
        var sessions = Sessions.GetOrCreateValue(baseAddress);
        if (sessions.TryGetValue(email, out var session))
        {
            await context.AddCookiesAsync(session);
            await page.GotoAsync(new Uri(baseAddress, path).ToString());
            if (new Uri(page.Url).AbsolutePath == target)
            {
                await WaitForCircuitAsync(page);
                return page;
            }

            sessions.TryRemove(email, out _); // refused: sign in through the form below
        }

        await page.GotoAsync(new Uri(baseAddress, $"/account/login?ReturnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        try
        {
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == target);
        }
        catch (TimeoutException e)
        {
            var alerts = string.Join(" | ", await page.Locator(".mud-alert, .validation-message").AllInnerTextsAsync());
            throw new TimeoutException($"Signing in as {email} for {path} stayed at {page.Url} ({alerts})", e);
        }

        sessions[email] = [.. (await context.CookiesAsync([baseAddress.ToString()])).Where(c => c.Name.StartsWith(SessionCookie, StringComparison.Ordinal))
            .Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite })];
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Clicks made before the circuit connects are lost: wait for the marker the layout renders once interactive.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
