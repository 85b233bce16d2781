using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// Two-factor sign-in as a person sets it up, with the keyboard: "Set up", the key read off the page into an
/// authenticator (Otp.NET computes the codes as the app would), the code typed, the recovery codes shown (and printed);
/// then the next sign-in in Chinese, in the dark theme: the password, then the code page, a code typed with Enter.
/// axe finds nothing serious on either page; screenshots of each at the desktop and the phone's size.
/// </summary>
public sealed class TwoFactorBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    private const string Password = "quiet harbour lantern 2026";

    [Fact]
    public async Task SetUpThenSignIn_KeyboardOnly_TurnsOnShowsTheCodesAndAsksForACodeNextTime()
    {
        var email = await NewEvaluatorAsync();
        var context = await browser.Browser.NewContextAsync(new() { Locale = "en-US", ViewportSize = new() { Width = 1440, Height = 900 }, ReducedMotion = ReducedMotion.Reduce });
        var page = await context.NewPageAsync();
        await SignInWithKeyboardAsync(page, email);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/review");

        await page.GotoAsync(new Uri(portal.BaseAddress, "/account/two-factor").ToString());
        await Assertions.Expect(page.GetByTestId("two-factor-status")).ToHaveTextAsync("Two-factor sign-in is off.");
        await page.GetByTestId("set-up").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var key = (await page.GetByTestId("authenticator-key").InnerTextAsync()).Replace(" ", string.Empty, StringComparison.Ordinal);
        Assert.Matches("^[A-Z2-7]{32}$", key);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code" })).ToBeVisibleAsync();
        await AssertNoSeriousAxeViolationsAsync(page, "the set-up page");
        await Screenshots.SaveAsync(page, "two-factor-setup-en", new() { Width = 1440, Height = 900 });
        await Screenshots.SaveAsync(page, "two-factor-setup-phone-en", new() { Width = 390, Height = 844 });

        var totp = new Totp(Base32Encoding.ToBytes(key));
        await page.GetByLabel("Code from the authenticator app").FocusAsync();
        await page.Keyboard.TypeAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(-30)));
        await page.Keyboard.PressAsync("Enter");

        var codes = page.GetByTestId("recovery-codes").Locator("li");
        await Assertions.Expect(codes).ToHaveCountAsync(10);
        await Assertions.Expect(page.GetByTestId("two-factor-message")).ToContainTextAsync("Two-factor sign-in is on");
        await Assertions.Expect(page.GetByTestId("codes-account")).ToContainTextAsync(email); // whose codes, on the sheet printed
        await Screenshots.SaveAsync(page, "two-factor-codes-en", new() { Width = 1440, Height = 900 });
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Screenshots.SaveAsync(page, "two-factor-codes-print-en", new() { Width = 1440, Height = 900 });
        await context.CloseAsync();

        var zh = await browser.Browser.NewContextAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 1440, Height = 900 }, ReducedMotion = ReducedMotion.Reduce });
        await zh.AddCookiesAsync([
            new Cookie { Name = ".AspNetCore.Culture", Value = "c%3Dzh-Hans%7Cuic%3Dzh-Hans", Url = portal.BaseAddress.ToString() },
            new Cookie { Name = "sci-theme", Value = "dark", Url = portal.BaseAddress.ToString() },
        ]);
        var next = await zh.NewPageAsync();
        await SignInWithKeyboardAsync(next, email);
        await next.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/account/login/code");
        await AssertNoSeriousAxeViolationsAsync(next, "the code page");
        await Screenshots.SaveAsync(next, "login-code-zh-dark", new() { Width = 1440, Height = 900 });
        await Screenshots.SaveAsync(next, "login-code-phone-zh-dark", new() { Width = 390, Height = 844 });

        await next.Keyboard.TypeAsync(totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30))); // the field has the focus
        await next.Keyboard.PressAsync("Enter");

        await next.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/review");
        await zh.CloseAsync();
    }

    [Fact]
    public async Task UsersPage_AdminResetsALostPhone_TheMarkGoesAndThePasswordAloneSignsIn()
    {
        var email = await NewEvaluatorAsync();
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }

        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Admin, "/admin/users");
        var row = page.GetByTestId("users-grid").Locator("tbody tr").Filter(new() { HasText = email });
        await Assertions.Expect(row.GetByTestId("two-factor")).ToHaveTextAsync("Two-factor");
        await Screenshots.SaveAsync(page, "admin-users-two-factor-en", new() { Width = 1440, Height = 900 });
        await row.GetByRole(AriaRole.Button, new() { Name = "Reset two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync($"Reset the two-factor sign-in of {email}?");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Reset two-factor sign-in" }).ClickAsync();

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToContainTextAsync($"The two-factor sign-in of {email} is reset");
        await Assertions.Expect(row.GetByTestId("two-factor")).ToHaveCountAsync(0);
        await Assertions.Expect(row.GetByTestId("reset-two-factor")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        var context = await browser.Browser.NewContextAsync(new() { Locale = "en-US" });
        var owner = await context.NewPageAsync();
        await SignInWithKeyboardAsync(owner, email);
        await owner.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/review"); // no code asked
        await context.CloseAsync();
    }

    private async Task SignInWithKeyboardAsync(IPage page, string email)
    {
        await page.GotoAsync(new Uri(portal.BaseAddress, "/account/login?ReturnUrl=%2Freview").ToString());
        await page.Locator("#email").FocusAsync();
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Password);
        await page.Keyboard.PressAsync("Enter");
    }

    private static async Task AssertNoSeriousAxeViolationsAsync(IPage page, string what)
    {
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Take(3).Select(n => n.Target))})").ToList();
        Assert.True(serious.Count == 0, $"axe on {what}: {string.Join("; ", serious)}");
    }

    private async Task<string> NewEvaluatorAsync()
    {
        using var scope = portal.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"two-factor-{Guid.NewGuid():N}@sci.test";
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Two Factor" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, PortalRoles.Evaluator)).Succeeded);
        return email;
    }
}
