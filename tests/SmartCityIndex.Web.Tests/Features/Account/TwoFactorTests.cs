using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// Two-factor sign-in over HTTP, as a browser posts the forms: set up with the key the page shows (codes computed as an
/// authenticator app computes them), the second step of the sign-in, recovery codes, the lockout, and the setting
/// that requires two factors of admins. Each test makes its own account, so that the demo accounts stay as they are.
/// </summary>
public sealed partial class TwoFactorTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private const string Password = "quiet harbour lantern 2026";

    [Fact]
    public async Task SignIn_TwoFactorOn_OpensNoSessionUntilTheCodeIsRight()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var key = await TurnOnAsync(fixture.Factory, email);

        using var client = SignIn.Client(fixture.Factory);
        var password = await SignIn.PostAsync(client, email, Password, returnUrl: "/review");
        Assert.Equal("/account/login/code?returnUrl=%2Freview", password.Headers.Location.Local());
        var meanwhile = await client.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, meanwhile.StatusCode); // the password alone opened no session
        Assert.StartsWith("/account/login", meanwhile.Headers.Location.Local());

        var wrong = await PostCodeAsync(client, "000000", "/account/login/code?returnUrl=%2Freview");
        Assert.Equal("That code is not right, or was used already: type the code the app shows now.", await ErrorOfAsync(wrong));

        var right = await PostCodeAsync(client, NextCode(key), "/account/login/code?returnUrl=%2Freview");
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal("/review", right.Headers.Location.Local());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/review")).StatusCode);
    }

    [Fact]
    public async Task Verify_CodeUsedForTheSetUp_IsRefusedAtTheSignIn()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var (client, key) = await SetUpAsync(fixture.Factory, email);
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow);
        var on = await PostTwoFactorAsync(client, "two-factor-on", code);
        if (!(await on.Content.ReadAsStringAsync()).Contains("data-testid=\"recovery-codes\"", StringComparison.Ordinal))
        {
            // The step turned between computing and posting: the code of the next step turns it on instead.
            code = NextCode(key);
            Assert.Contains("data-testid=\"recovery-codes\"", await (await PostTwoFactorAsync(client, "two-factor-on", code)).Content.ReadAsStringAsync());
        }

        using var again = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(again, email, Password);
        var replayed = await PostCodeAsync(again, code);

        Assert.Equal(HttpStatusCode.OK, replayed.StatusCode);
        Assert.Equal("That code is not right, or was used already: type the code the app shows now.", await ErrorOfAsync(replayed));
    }

    [Fact]
    public async Task SignIn_RecoveryCode_WorksOnceInsteadOfTheApp()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Official);
        var (_, codes) = await TurnOnWithCodesAsync(fixture.Factory, email);
        Assert.Equal(TwoFactorService.RecoveryCodeCount, codes.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^[2-9a-z]{5}-[2-9a-z]{5}$", c));

        using var first = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(first, email, Password);
        var typed = codes[3].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal); // as read out over the phone
        var used = await PostCodeAsync(first, typed, "/account/login/code?recovery=1");
        Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(used.Headers.Location.Local())).StatusCode);
        Assert.Contains($"Recovery codes left: {codes.Count - 1}.", await first.GetStringAsync("/account/two-factor"));

        using var second = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(second, email, Password);
        var again = await PostCodeAsync(second, codes[3], "/account/login/code?recovery=1");
        Assert.Equal("That recovery code is not right, or was used already.", await ErrorOfAsync(again));
    }

    [Fact]
    public async Task NewRecoveryCodes_Stored_OnlyAsSaltedHashes()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var (key, codes) = await TurnOnWithCodesAsync(fixture.Factory, email);

        using var scope = fixture.Factory.Services.CreateScope();
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>();
        await using var context = await contexts.CreateDbContextAsync();
        var user = await context.Users.AsNoTracking().SingleAsync(u => u.Email == email);
        var tokens = await context.UserTokens.AsNoTracking().Where(t => t.UserId == user.Id).ToListAsync();
        var stored = Assert.Single(tokens, t => t.Name == "RecoveryCodes").Value!.Split(';');

        Assert.Equal(TwoFactorService.RecoveryCodeCount, stored.Length);
        Assert.All(tokens, t => Assert.All(codes, c => Assert.DoesNotContain(c.Replace("-", string.Empty, StringComparison.Ordinal), t.Value ?? string.Empty)));
        Assert.All(stored, h => Assert.Equal(0x01, Convert.FromBase64String(h)[0])); // Identity's v3 format: PBKDF2 with a salt of its own
        Assert.Equal(stored.Length, stored.Select(h => Convert.FromBase64String(h).AsSpan(13, 16).ToArray()).Select(Convert.ToBase64String).Distinct().Count());
        Assert.Equal(32, key.Length); // a 160-bit key in base32
    }

    [Fact]
    public async Task SignIn_FiveWrongCodes_LocksTheAccountEvenForTheRightCode()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var key = await TurnOnAsync(fixture.Factory, email);
        using var client = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(client, email, Password);

        var answers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            answers.Add(await ErrorOfAsync(await PostCodeAsync(client, $"12345{i}")));
        }

        var right = await PostCodeAsync(client, NextCode(key));

        Assert.All(answers[..4], a => Assert.StartsWith("That code is not right", a));
        Assert.Equal("Too many failed attempts: this account is locked for 15 minutes. An administrator can unlock it sooner.", answers[4]);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.StartsWith("Too many failed attempts", await ErrorOfAsync(right));
    }

    [Theory]
    [InlineData("en", "That code is not right, or was used already: type the code the app shows now.")]
    [InlineData("zh-Hans", "验证码不正确或已使用过：请输入应用当前显示的验证码。")]
    public async Task SignIn_WrongCode_SaysSoInTheUsersLanguage(string culture, string message)
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        await TurnOnAsync(fixture.Factory, email);
        using var client = SignIn.Client(fixture.Factory);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
        await SignIn.PostAsync(client, email, Password);

        var wrong = await PostCodeAsync(client, "999999");

        Assert.Equal(message, await ErrorOfAsync(wrong));
        Assert.DoesNotContain("999999", await wrong.Content.ReadAsStringAsync()); // the code is not written back
    }

    [Fact]
    public async Task SignIn_FullWidthDigitsFromAChineseInputMethod_AreAccepted()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var key = await TurnOnAsync(fixture.Factory, email);
        using var client = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(client, email, Password);
        var fullWidth = string.Concat(NextCode(key).Select(c => (char)(c - '0' + '０')));

        var answer = await PostCodeAsync(client, fullWidth[..3] + "　" + fullWidth[3..]);

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
    }

    [Fact]
    public async Task LoginCode_NobodyHalfSignedIn_GoesToTheSignIn()
    {
        using var client = SignIn.Client(fixture.Factory);

        var answer = await client.GetAsync("/account/login/code");

        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        Assert.Equal("/account/login", answer.Headers.Location.Local());
    }

    [Fact]
    public async Task TurnOff_RightCode_SignsInWithThePasswordAloneAgain()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var key = await TurnOnAsync(fixture.Factory, email);
        using var client = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCodeAsync(client, new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow))).StatusCode);

        var wrong = await PostTwoFactorAsync(client, "two-factor-manage", "123123", action: "off");
        Assert.Contains("That code is not right", await wrong.Content.ReadAsStringAsync());
        var off = await PostTwoFactorAsync(client, "two-factor-manage", NextCode(key), action: "off");
        Assert.Contains("Two-factor sign-in is off: you sign in with your password alone.", await off.Content.ReadAsStringAsync());

        using var later = SignIn.Client(fixture.Factory);
        var signIn = await SignIn.PostAsync(later, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("/account/login/code", signIn.Headers.Location.Local());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/two-factor")).StatusCode); // this session went on
    }

    [Fact]
    public async Task Gate_RequiredForAdmins_SendsAnAdminToSetUpUntilItIsOn()
    {
        await using var factory = new PortalFactory(fixture.Factory.Database, settings: new Dictionary<string, string?> { [TwoFactorGate.RequireForAdminsKey] = "true" });
        var admin = await NewUserAsync(factory, PortalRoles.Admin);
        var evaluator = await NewUserAsync(factory, PortalRoles.Evaluator);
        using var client = SignIn.Client(factory);
        await SignIn.PostAsync(client, admin, Password);

        foreach (var path in new[] { "/admin/users", "/review", "/rankings/export.csv", "/" })
        {
            var answer = await client.GetAsync(path);
            Assert.True(answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location.Local() == "/account/two-factor", $"{path} answered {answer.StatusCode} {answer.Headers.Location}");
        }

        var page = await client.GetStringAsync("/account/two-factor");
        Assert.Contains("This portal requires admins to sign in with two factors.", page);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/app.css")).StatusCode);
        using var evaluatorClient = await SignInAsync(factory, evaluator);
        Assert.Equal(HttpStatusCode.OK, (await evaluatorClient.GetAsync("/review")).StatusCode); // only admins

        var setUp = await PostTwoFactorAsync(client, "two-factor-setup", null);
        var key = KeyOf(await setUp.Content.ReadAsStringAsync());
        var on = await PostTwoFactorAsync(client, "two-factor-on", NextCode(key));
        var onPage = await on.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"recovery-codes\"", onPage);
        Assert.DoesNotContain("data-testid=\"turn-off\"", await client.GetStringAsync("/account/two-factor"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode); // this session used two factors now

        var off = await PostTwoFactorAsync(client, "two-factor-manage", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(-30)), action: "off");
        Assert.Contains("it cannot be turned off", await off.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Gate_NotRequired_LetsAnAdminInWithThePassword()
    {
        var admin = await NewUserAsync(fixture.Factory, PortalRoles.Admin);
        using var client = await SignInAsync(fixture.Factory, admin);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task ResetByAnAdmin_LostPhone_EndsTheSessionAndLetsThePasswordAloneIn()
    {
        var email = await NewUserAsync(fixture.Factory, PortalRoles.Evaluator);
        var key = await TurnOnAsync(fixture.Factory, email);
        using var client = SignIn.Client(fixture.Factory);
        await SignIn.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, (await PostCodeAsync(client, NextCode(key))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/review")).StatusCode);

        using (var scope = fixture.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var id = (await users.FindByEmailAsync(email))!.Id;
            var admin = new Access(Guid.NewGuid().ToString(), "admin@sci.demo", true, false, false, new HashSet<int>());
            var result = await scope.ServiceProvider.GetRequiredService<SmartCityIndex.Web.Features.Users.UserAdministrationService>().ResetTwoFactorAsync(admin, id);
            Assert.True(result.Succeeded);
        }

        var ended = await client.GetAsync("/review");
        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode); // the session ended at once
        Assert.StartsWith("/account/login", ended.Headers.Location.Local());
        using var later = SignIn.Client(fixture.Factory);
        var signIn = await SignIn.PostAsync(later, email, Password);
        Assert.DoesNotContain("/account/login/code", signIn.Headers.Location.Local());
        Assert.Contains("data-testid=\"set-up\"", await later.GetStringAsync("/account/two-factor")); // a new key next
    }

    /// <summary>A new account with <paramref name="role"/> and <see cref="Password"/>; its e-mail.</summary>
    private static async Task<string> NewUserAsync(PortalFactory factory, string role)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var email = $"two-factor-{Guid.NewGuid():N}@sci.test";
        var user = new PortalUser { UserName = email, Email = email, DisplayName = "Two Factor" };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        if (role == PortalRoles.Official)
        {
            var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>();
            await using var context = await contexts.CreateDbContextAsync();
            context.Add(new UserCity { UserId = user.Id, CityId = await context.Cities.Select(c => c.Id).FirstAsync() });
            await context.SaveChangesAsync();
        }

        return email;
    }

    private static async Task<HttpClient> SignInAsync(PortalFactory factory, string email)
    {
        var client = SignIn.Client(factory);
        var answer = await SignIn.PostAsync(client, email, Password);
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return client;
    }

    /// <summary>Signs in and presses "Set up"; the client and the key the page shows.</summary>
    private static async Task<(HttpClient Client, string Key)> SetUpAsync(PortalFactory factory, string email)
    {
        var client = await SignInAsync(factory, email);
        var page = await PostTwoFactorAsync(client, "two-factor-setup", null);
        return (client, KeyOf(await page.Content.ReadAsStringAsync()));
    }

    /// <summary>Turns two-factor sign-in on for <paramref name="email"/>, as its owner would; the key.</summary>
    private static async Task<string> TurnOnAsync(PortalFactory factory, string email) => (await TurnOnWithCodesAsync(factory, email)).Key;

    private static async Task<(string Key, IReadOnlyList<string> Codes)> TurnOnWithCodesAsync(PortalFactory factory, string email)
    {
        var (client, key) = await SetUpAsync(factory, email);
        using (client)
        {
            // The code of the step before: the sign-ins that follow use the current and the next step's codes.
            var on = await PostTwoFactorAsync(client, "two-factor-on", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(-30)));
            var html = await on.Content.ReadAsStringAsync();
            if (!html.Contains("data-testid=\"recovery-codes\"", StringComparison.Ordinal))
            {
                // The step turned between computing the code and checking it: the current one then.
                html = await (await PostTwoFactorAsync(client, "two-factor-on", new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow))).Content.ReadAsStringAsync();
            }

            Assert.Contains("Two-factor sign-in is on: from now on you sign in with your password and a code.", html);
            var codes = RecoveryCode().Matches(html[html.IndexOf("data-testid=\"recovery-codes\"", StringComparison.Ordinal)..]).Select(m => m.Groups[1].Value).ToList();
            return (key, codes);
        }
    }

    /// <summary>The code an authenticator app shows 30 seconds from now (accepted, and not yet used).</summary>
    private static string NextCode(string key) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UtcNow.AddSeconds(30));

    private static string KeyOf(string html)
    {
        var match = Key().Match(html);
        Assert.True(match.Success, "no key on the page");
        return match.Groups[1].Value.Replace(" ", string.Empty, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> PostTwoFactorAsync(HttpClient client, string form, string? code, string action = "")
    {
        var page = await client.GetStringAsync("/account/two-factor");
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = form,
            ["__RequestVerificationToken"] = SignIn.TokenOf(page),
            ["Input.Code"] = code ?? string.Empty,
            ["Input.Action"] = action,
        });
        return await client.PostAsync("/account/two-factor", content);
    }

    private static async Task<HttpResponseMessage> PostCodeAsync(HttpClient client, string code, string address = "/account/login/code")
    {
        var page = await client.GetStringAsync(address);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login-code",
            ["__RequestVerificationToken"] = SignIn.TokenOf(page),
            ["Input.Code"] = code,
        });
        return await client.PostAsync(address, content);
    }

    private static async Task<string> ErrorOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = Error().Match(html);
        Assert.True(match.Success, $"no message in the answer ({(int)response.StatusCode} {response.Headers.Location})");
        return WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty)).Trim();
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([A-Z2-7 ]+)</code>")]
    private static partial Regex Key();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>(.*?)</div>\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex Error();
}
