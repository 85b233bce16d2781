namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>Signing in through the sign-in page, as a person would, and waiting for the page to become interactive.</summary>
internal static class BrowserSignIn
{
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
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(baseAddress, $"/account/login?ReturnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path.Split('?')[0]);
        await WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>Clicks made before the circuit connects are lost: wait for the marker the layout renders once interactive.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
