namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The layout's chrome on a phone and a desktop, with a pointer and with the keyboard alone: the navigation drawer,
/// the skip link, the menus and the theme toggle. The phone's drawer must work before the circuit connects too.
/// </summary>
public sealed class ChromeBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    private static readonly ViewportSize Desktop = new() { Width = 1440, Height = 900 };

    [Fact]
    public async Task Drawer_OnAPhone_StartsClosedAndClosesAfterNavigatingOnTheScrimAndOnEscape()
    {
        var page = await OpenAsync(Phone, "/cities");
        var rankings = Drawer(page).GetByRole(AriaRole.Link, new() { Name = "Rankings", Exact = true });
        var toggle = page.GetByTestId("nav-toggle");
        await Assertions.Expect(rankings).Not.ToBeInViewportAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Screenshots.SaveAsync(page, "chrome-phone-closed-en", Phone);

        // Open: the drawer covers the page behind a scrim; following a link closes it.
        await toggle.ClickAsync();
        await Assertions.Expect(rankings).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("nav-scrim")).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Screenshots.SaveAsync(page, "chrome-phone-open-en", Phone, fullPage: false);
        await rankings.ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/rankings");
        await Assertions.Expect(rankings).Not.ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("nav-scrim")).ToBeHiddenAsync();

        // A tap outside the drawer (on the scrim) closes it.
        await toggle.ClickAsync();
        await Assertions.Expect(rankings).ToBeInViewportAsync();
        await page.Mouse.ClickAsync(370, 500);
        await Assertions.Expect(rankings).Not.ToBeInViewportAsync();

        // Escape closes it and gives the focus back to the menu button.
        await toggle.ClickAsync();
        await Assertions.Expect(rankings).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(rankings).Not.ToBeInViewportAsync();
        await Assertions.Expect(toggle).ToBeFocusedAsync();

        // A new page load starts closed again.
        await page.ReloadAsync();
        await Assertions.Expect(rankings).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task Drawer_OnAPhoneBeforeTheCircuitConnects_OpensAndClosesAndStaysSoOnceInteractive()
    {
        var context = await SignedInContextAsync(Phone);
        var page = await context.NewPageAsync();
        // The circuit's WebSocket is held back, so that the page stays as the server rendered it.
        var release = new TaskCompletionSource();
        await page.RouteAsync("**/_blazor**", async route => { await release.Task; await route.ContinueAsync(); });
        await page.GotoAsync(new Uri(portal.BaseAddress, "/cities").ToString());
        var cities = Drawer(page).GetByRole(AriaRole.Link, new() { Name = "Cities", Exact = true });
        Assert.Equal(0, await page.GetByTestId("circuit-ready").CountAsync());

        await page.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(cities).ToBeInViewportAsync();
        await page.GetByTestId("nav-scrim").ClickAsync(new() { Position = new() { X = 370, Y = 400 } });
        await Assertions.Expect(cities).Not.ToBeInViewportAsync();
        await page.GetByTestId("nav-toggle").ClickAsync();
        Assert.Equal(0, await page.GetByTestId("circuit-ready").CountAsync());

        release.SetResult();
        await BrowserSignIn.WaitForCircuitAsync(page);
        await Assertions.Expect(cities).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("nav-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await context.CloseAsync();
    }

    [Fact]
    public async Task Drawer_OnADesktop_StartsOpenBesideThePageAndTheButtonHidesAndShowsIt()
    {
        var page = await OpenAsync(Desktop, "/cities");
        var cities = Drawer(page).GetByRole(AriaRole.Link, new() { Name = "Cities", Exact = true });
        await Assertions.Expect(cities).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("nav-scrim")).ToBeHiddenAsync();
        var contentLeft = await LeftOfAsync(page, "main");
        Assert.True(contentLeft >= 240, $"the page starts at {contentLeft} px, under the drawer");
        await Screenshots.SaveAsync(page, "chrome-desktop-en", Desktop);

        // Navigating keeps it open on a desktop.
        await Drawer(page).GetByRole(AriaRole.Link, new() { Name = "Rankings", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/rankings");
        await Assertions.Expect(cities).ToBeInViewportAsync();

        await page.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(cities).Not.ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("main")).ToHaveCSSAsync("margin-left", "0px");
        await page.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(cities).ToBeInViewportAsync();
    }

    [Fact]
    public async Task Keyboard_SkipLinkMenusDrawerAndThemeToggle_WorkWithoutAPointer()
    {
        var page = await OpenAsync(Desktop, "/cities");
        await page.Locator("body").FocusAsync();

        // The first Tab reaches "Skip to content", visible on focus; Enter moves the focus to the page's content.
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Assertions.Expect(skip).ToBeFocusedAsync();
        await Assertions.Expect(skip).ToBeInViewportAsync();
        await Screenshots.SaveAsync(page, "chrome-skip-link-en", Desktop, fullPage: false);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToBeFocusedAsync();
        Assert.EndsWith("/cities", page.Url);

        // The menu button hides the drawer with Enter; its links leave the tab order while hidden.
        await page.GetByTestId("nav-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("nav-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        await page.GetByTestId("theme-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await page.EvaluateAsync<bool>("() => document.activeElement.closest('.nav-drawer') === null"), "Tab went into the hidden drawer");
        await page.GetByTestId("nav-toggle").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.GetByTestId("nav-toggle")).ToHaveAttributeAsync("aria-expanded", "true");

        // The language menu opens with Enter, its items are reached with Tab, Escape closes it.
        await page.GetByTestId("language-menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("language-zh-Hans")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("language-en")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("language-zh-Hans")).ToBeHiddenAsync();

        // The account menu: Enter opens it, Tab reaches "Change password", Escape closes it and keeps the focus on it.
        await page.GetByTestId("user-menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = "Change password" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.GetByTestId("user-menu")).ToBeFocusedAsync();

        // The theme toggle is next, with a visible focus ring; Enter switches the theme.
        await page.Keyboard.PressAsync("Tab");
        var theme = page.GetByTestId("theme-toggle");
        await Assertions.Expect(theme).ToBeFocusedAsync();
        Assert.NotEqual("none", await theme.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("theme-dark"));

        // Language by keyboard: Enter on 中文 switches the portal.
        await page.GetByTestId("language-menu").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("language-zh-Hans").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-Hans");
    }

    [Fact]
    public async Task Keyboard_DrawerOnAPhone_OpensWithFocusOnItsFirstLinkAndEscapeReturnsIt()
    {
        var page = await OpenAsync(Phone, "/cities");
        await page.GetByTestId("nav-toggle").FocusAsync();

        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(Drawer(page).GetByRole(AriaRole.Link).First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");

        await Assertions.Expect(page.GetByTestId("nav-toggle")).ToBeFocusedAsync();
        await Assertions.Expect(page.GetByTestId("nav-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
    }

    private static ILocator Drawer(IPage page) => page.GetByTestId("nav-drawer");

    private static Task<double> LeftOfAsync(IPage page, string selector) =>
        page.Locator(selector).EvaluateAsync<double>("e => e.getBoundingClientRect().left");

    private async Task<IPage> OpenAsync(ViewportSize viewport, string path)
    {
        var context = await SignedInContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.BaseAddress, path).ToString());
        await BrowserSignIn.WaitForCircuitAsync(page);
        return page;
    }

    /// <summary>A browser context of the given size with the evaluator's session cookie.</summary>
    private async Task<IBrowserContext> SignedInContextAsync(ViewportSize viewport)
    {
        var context = await browser.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = viewport });
        var page = await BrowserSignIn.OpenInAsync(context, portal.BaseAddress, DemoAccounts.Evaluator, "/cities");
        await page.CloseAsync();
        return context;
    }
}
