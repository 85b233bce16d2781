using SmartCityIndex.Web.Tests.Features.Users;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>The admin's users page in a real browser, and what its changes mean for the people concerned.</summary>
public sealed class UserAdministrationBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    private const string NewOfficial = "chen.jing@hangzhou.example";
    private const string NewPassword = "willow compass tea garden";

    [Fact]
    public async Task UsersPage_AdminCreatesHangzhouOfficial_OfficialSignsInAndSeesMySubmissions()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Admin, "/admin/users");

        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("user-email").FillAsync(NewOfficial);
        await page.GetByTestId("user-name").FillAsync("Chen Jing");
        await page.Locator("label.mud-radio").Filter(new() { HasText = "Official" }).ClickAsync();
        await page.GetByTestId("user-cities").ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = "Hangzhou" }).ClickAsync();
        await page.Locator(".mud-dialog-title").ClickAsync(); // closes the city list
        await Assertions.Expect(page.GetByTestId("user-cities")).ToHaveValueAsync("Hangzhou");
        await page.GetByTestId("user-password").FillAsync(NewPassword);
        await Screenshots.SaveAsync(page, "admin-users-new-en");
        await page.GetByTestId("user-save").ClickAsync();

        var row = page.GetByTestId("users-grid").Locator("tbody tr").Filter(new() { HasText = NewOfficial });
        await Assertions.Expect(row).ToContainTextAsync("Chen Jing");
        await Assertions.Expect(row).ToContainTextAsync("Official");
        await Assertions.Expect(row).ToContainTextAsync("Hangzhou");
        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"Created the account {NewOfficial}.");
        await Screenshots.SaveAsync(page, "admin-users-en");

        var official = await SignInAsync(NewOfficial, NewPassword, "/submissions");
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "My submissions" })).ToBeVisibleAsync();
        await Assertions.Expect(official.GetByRole(AriaRole.Link, new() { Name = "Users" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UsersPage_WeakPassword_ShowsThePolicyMessageUnderThePassword()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Admin, "/admin/users");

        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("user-email").FillAsync("weak@hangzhou.example");
        await page.GetByTestId("user-name").FillAsync("Weak password");
        await page.Locator("label.mud-radio").Filter(new() { HasText = "Evaluator" }).ClickAsync();
        await page.GetByTestId("user-password").FillAsync("password1234");
        await page.GetByTestId("user-save").ClickAsync();

        // The one field in error is the password, with the policy's message in place of the rules.
        await Assertions.Expect(page.Locator(".mud-dialog .mud-input-helper-text.mud-input-error")).ToHaveTextAsync(
            "This password is too easy to guess: it is, or looks like, a common password, a name or a pattern. A few unrelated words make a strong one.");
        await Assertions.Expect(page.GetByTestId("user-password")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.GetByTestId("users-grid")).Not.ToContainTextAsync("weak@hangzhou.example");
    }

    [Fact]
    public async Task UsersPage_InChinese_ShowsChineseTextsAndCityNames()
    {
        var page = await SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, "/admin/users", locale: "zh-CN");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "用户管理", Level = 1 })).ToBeVisibleAsync();
        var row = page.GetByTestId("users-grid").Locator("tbody tr").Filter(new() { HasText = DemoAccounts.GuangdongOfficial });
        await Assertions.Expect(row).ToContainTextAsync("市政官员");
        await Assertions.Expect(row).ToContainTextAsync("广州");
        await Assertions.Expect(row).ToContainTextAsync("深圳");
        await Screenshots.SaveAsync(page, "admin-users-zh-Hans");

        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("user-save").ClickAsync();
        await Assertions.Expect(page.Locator(".mud-dialog")).ToContainTextAsync("请为市政官员至少选择一个城市。");
        await Screenshots.SaveAsync(page, "admin-users-new-zh-Hans");
    }

    /// <summary>
    /// Signs in through the sign-in page with any password and browser language (BrowserSignIn signs the demo accounts
    /// in with the demo password), and waits for the circuit.
    /// </summary>
    private async Task<IPage> SignInAsync(string email, string password, string path, string locale = "en-US")
    {
        var context = await browser.Browser.NewContextAsync(new() { Locale = locale });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(portal.BaseAddress, $"/account/login?ReturnUrl={Uri.EscapeDataString(path)}").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path);
        await BrowserSignIn.WaitForCircuitAsync(page);
        return page;
    }
}

/// <summary>Disabling a user ends their open session: the circuit signs them out and the cookie stops working.</summary>
public sealed class DisabledSessionBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task OpenSession_UserDisabled_EndsOnTheSignInPage()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, "/cities");

        await AsAdmin.DisableAsync(portal.Factory.Services, DemoAccounts.HangzhouOfficial);

        // The open circuit checks the user every revalidation interval (1 s in the test portal) and sends the browser to sign in.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login");
        Assert.DoesNotContain(await page.Context.CookiesAsync(), c => c.Name == "sci.auth");
        // The next full request for a page ends on the sign-in page too.
        await page.GotoAsync(new Uri(portal.BaseAddress, "/cities").ToString());
        Assert.Equal("/account/login", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Sign in", Level = 1 })).ToBeVisibleAsync();
    }
}
