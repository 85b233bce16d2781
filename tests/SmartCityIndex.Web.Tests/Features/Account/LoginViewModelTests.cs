using System.Net;
using Microsoft.AspNetCore.Http;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Tests.Components;
using SmartCityIndex.Web.Tests.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// The sign-in rules without a browser or a page: the portal's own <see cref="LoginViewModel"/> over its seeded SQLite
/// database, in a request scope of its own, as the sign-in page gets it.
/// </summary>
public sealed class LoginViewModelTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private static readonly IPAddress Address = IPAddress.Parse("203.0.113.7");

    [Theory]
    [InlineData("en", "Enter your e-mail address.", "Enter your password.")]
    [InlineData("zh-Hans", "请输入电子邮箱。", "请输入密码。")]
    public async Task SignInAsync_FieldsLeftEmpty_NamesEachInTheUsersLanguage(string culture, string email, string password)
    {
        using var _ = new CultureScope(culture);

        var (outcome, cookie) = await SignInAsync(" ", "", returnUrl: null);

        Assert.Equal(new LoginOutcome(EmailError: email, PasswordError: password), outcome);
        Assert.False(cookie);
    }

    [Theory]
    [InlineData("nobody@sci.demo", DemoAccounts.Password)]
    [InlineData(DemoAccounts.HangzhouOfficial, "not the right passphrase")]
    public async Task SignInAsync_UnknownEmailOrWrongPassword_GivesTheSameAnswerAndNoSession(string email, string password)
    {
        using var _ = new CultureScope("en");

        var (outcome, cookie) = await SignInAsync(email, password, returnUrl: "/submissions");

        Assert.Equal(new LoginOutcome(Error: "The e-mail or password is not correct."), outcome);
        Assert.False(cookie);
    }

    [Theory]
    [InlineData(DemoAccounts.Evaluator, "/rankings?year=2024", "/rankings?year=2024")] // a page the evaluator may open
    [InlineData(DemoAccounts.HangzhouOfficial, "/review", "/submissions")] // not the official's: their landing page
    [InlineData(DemoAccounts.Evaluator, "//evil.example/", "/review")] // not local
    [InlineData(DemoAccounts.Admin, null, "/admin/users")]
    public async Task SignInAsync_RightPassword_StartsASessionAndGoesWhereTheUserMayGo(string email, string? returnUrl, string target)
    {
        var (outcome, cookie) = await SignInAsync($"  {email} ", DemoAccounts.Password, returnUrl);

        Assert.Equal(new LoginOutcome(RedirectTo: target), outcome);
        Assert.True(cookie);
    }

    [Theory]
    [InlineData(DemoAccounts.Password, "This account is disabled.")]
    [InlineData("not the right passphrase", "The e-mail or password is not correct.")]
    public async Task SignInAsync_DisabledAccount_SaysSoOnlyToWhoKnowsThePassword(string password, string error)
    {
        using var _ = new CultureScope("en");
        await AsAdmin.DisableAsync(fixture.Factory.Services, DemoAccounts.GuangdongOfficial);

        var (outcome, cookie) = await SignInAsync(DemoAccounts.GuangdongOfficial, password, returnUrl: null);

        Assert.StartsWith(error, outcome.Error);
        Assert.Null(outcome.RedirectTo);
        Assert.False(cookie);
    }

    /// <summary>Runs a sign-in in a request scope of the portal; says whether the answer would set the session cookie.</summary>
    private async Task<(LoginOutcome Outcome, bool SessionCookie)> SignInAsync(string email, string password, string? returnUrl)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;

        var outcome = await scope.ServiceProvider.GetRequiredService<LoginViewModel>().SignInAsync(email, password, returnUrl, Address);

        return (outcome, http.Response.Headers.SetCookie.Any(c => c is not null && c.StartsWith("sci.auth=", StringComparison.Ordinal)));
    }
}
