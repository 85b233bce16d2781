using System.Net;
using SmartCityIndex.Web.Features.Users;
using SmartCityIndex.Web.Tests.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>Lockout after failed sign-ins, and what disabling an account does to its sign-in and its open session, over HTTP.</summary>
public sealed class SignInSecurityTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private const string WrongPassword = "not the right passphrase";

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksOutSoTheRightPasswordIsRefused()
    {
        using var client = SignIn.Client(fixture.Factory);
        var failures = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            failures.Add(await ErrorOfAsync(await SignIn.PostAsync(client, DemoAccounts.GuangdongOfficial, WrongPassword)));
        }

        var sixth = await SignIn.PostAsync(client, DemoAccounts.GuangdongOfficial, DemoAccounts.Password);

        Assert.All(failures[..4], f => Assert.Equal("The e-mail or password is not correct.", f));
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Equal("Too many failed attempts: this account is locked for 15 minutes. An administrator can unlock it sooner.", await ErrorOfAsync(sixth));
        Assert.False(sixth.Headers.Contains("Set-Cookie") && sixth.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("sci.auth=", StringComparison.Ordinal)));
        var row = Assert.Single(await ListUsersAsync(), r => r.Email == DemoAccounts.GuangdongOfficial);
        Assert.InRange(row.LockedOutUntil!.Value, DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(15));
    }

    [Fact]
    public async Task Get_SessionOfAUserDisabledMeanwhile_RedirectsToSignInAtOnce()
    {
        using var client = await SignIn.AsAsync(fixture.Factory, DemoAccounts.HangzhouOfficial);
        var before = await client.GetAsync("/cities");

        // Disabling ends the user's sessions on the server: the very next request is signed out.
        await AsAdmin.DisableAsync(fixture.Factory.Services, DemoAccounts.HangzhouOfficial);
        var after = await client.GetAsync("/cities");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal("/account/login", after.Headers.Location?.OriginalString.Split('?')[0]);
    }

    [Fact]
    public async Task SignIn_DisabledUserWithTheRightPassword_SaysTheAccountIsDisabled()
    {
        await AsAdmin.DisableAsync(fixture.Factory.Services, DemoAccounts.Evaluator);
        using var client = SignIn.Client(fixture.Factory);

        var response = await SignIn.PostAsync(client, DemoAccounts.Evaluator, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("This account is disabled. Ask an administrator to enable it again.", await ErrorOfAsync(response));
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("sci.auth=", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_DisabledUserWithAWrongPassword_RefusedLikeAnyWrongPassword()
    {
        var email = await DisabledEvaluatorAsync("disabled.wrong@sci.example");
        using var client = SignIn.Client(fixture.Factory);

        var response = await SignIn.PostAsync(client, email, WrongPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("The e-mail or password is not correct.", await ErrorOfAsync(response));
    }

    [Fact]
    public async Task SignIn_DisabledUserAfterFiveWrongPasswords_NoLongerTellsTheRightOneApart()
    {
        var email = await DisabledEvaluatorAsync("disabled.guessed@sci.example");
        using var client = SignIn.Client(fixture.Factory);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            Assert.Equal("The e-mail or password is not correct.", await ErrorOfAsync(await SignIn.PostAsync(client, email, WrongPassword)));
        }

        var right = await SignIn.PostAsync(client, email, DemoAccounts.Password);

        Assert.Equal("The e-mail or password is not correct.", await ErrorOfAsync(right));
    }

    [Fact]
    public async Task SignOut_PostedWithoutTheFormsToken_IsRefusedAndTheSessionStays()
    {
        using var client = await SignIn.AsAsync(fixture.Factory, DemoAccounts.Admin);

        // What another site could make a signed-in browser send: the cookie, but not the page's token.
        using var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task SignOut_FromTheUserMenusForm_EndsTheSession()
    {
        using var client = await SignIn.AsAsync(fixture.Factory, DemoAccounts.Admin);
        var page = await client.GetStringAsync("/admin/users");
        Assert.Contains("action=\"account/logout\"", page);

        using var signedOut = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", SignIn.TokenOf(page))]));

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        using var after = await client.GetAsync("/admin/users");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/review")] // to sign in
    [InlineData("/admin/users")] // to access denied, for a signed-in official
    public async Task Get_ForgedHostHeader_RedirectStaysOnThePortal(string path)
    {
        using var client = path == "/review" ? SignIn.Client(fixture.Factory) : await SignIn.AsAsync(fixture.Factory, DemoAccounts.HangzhouOfficial);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(response.Headers.Location!.IsAbsoluteUri, response.Headers.Location.ToString());
        Assert.StartsWith(path == "/review" ? "/account/login?ReturnUrl=%2Freview" : "/account/access-denied?ReturnUrl=%2Fadmin%2Fusers", response.Headers.Location.OriginalString);
    }

    /// <summary>A new evaluator with the demo password, disabled by the admin.</summary>
    private async Task<string> DisabledEvaluatorAsync(string email)
    {
        var created = await AsAdmin.RunAsync(fixture.Factory.Services, (users, admin) =>
            users.CreateAsync(admin, new NewUser(email, "Disabled evaluator", PortalRoles.Evaluator, [], DemoAccounts.Password)));
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await AsAdmin.DisableAsync(fixture.Factory.Services, email);
        return email;
    }

    [Theory]
    [InlineData("en", "", "x", "email-error", "Enter your e-mail address.")]
    [InlineData("en", "someone@test.example", "", "password-error", "Enter your password.")]
    [InlineData("zh-Hans", "", "x", "email-error", "请输入电子邮箱。")]
    [InlineData("zh-Hans", "someone@test.example", "", "password-error", "请输入密码。")]
    public async Task SignIn_FieldLeftEmpty_IsNamedUnderItInTheUsersLanguage(string culture, string email, string password, string field, string message)
    {
        using var client = SignIn.Client(fixture.Factory);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");

        var response = await SignIn.PostAsync(client, email, password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-testid=\"{field}\">{message}</div>", html);
        Assert.DoesNotContain("value=\"x\"", html); // a password typed is not written back into the page
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = System.Text.RegularExpressions.Regex.Match(html, "data-testid=\"login-error\"[^>]*>(?:<[^>]+>)*([^<]+)<");
        Assert.True(match.Success, $"no sign-in error on the page ({response.StatusCode})");
        return WebUtility.HtmlDecode(match.Groups[1].Value).Trim();
    }

    private Task<IReadOnlyList<UserRow>> ListUsersAsync() => AsAdmin.RunAsync(fixture.Factory.Services, (users, admin) => users.ListAsync(admin));
}
