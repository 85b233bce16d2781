namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The idle limit in an open page (finding 5 of the probe): a page left alone for 30 minutes goes to the sign-in page
/// by itself, while a person typing in it stays signed in. The portal's clock is the test's; the page checks its
/// session every second (the test portal's revalidation interval).
/// </summary>
public sealed class SessionBrowserTests(ClockedPortalFixture portal, BrowserFixture browser)
    : IClassFixture<ClockedPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OpenPage_ThirtyOneMinutesWithoutInput_GoesToSignInByItself()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/review");

        portal.Clock.Advance(TimeSpan.FromMinutes(31));

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        Assert.Equal("/review", System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["returnUrl"]);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OpenPage_InputEveryTwentyMinutes_StaysSignedInUntilItStops()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Admin, "/admin/users");

        // Twenty minutes on, the admin types; twenty more (forty since the page opened, twenty since the input).
        portal.Clock.Advance(TimeSpan.FromMinutes(20));
        await page.Keyboard.PressAsync("Tab");
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the input reaches the server; a check passes meanwhile
        portal.Clock.Advance(TimeSpan.FromMinutes(20));
        await Task.Delay(TimeSpan.FromSeconds(2.5)); // two more checks

        Assert.Equal("/admin/users", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByTestId("users-grid")).ToBeVisibleAsync();

        portal.Clock.Advance(TimeSpan.FromMinutes(31)); // then nothing
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        await page.Context.CloseAsync();
    }
}
