using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// The change-password rules without a browser or a page: the portal's own <see cref="ChangePasswordViewModel"/> over
/// its seeded SQLite database, in a request scope of its own, as the page gets it.
/// </summary>
public sealed class ChangePasswordViewModelTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private const string NewPassword = "amber lantern quietly 4711";

    [Theory]
    [InlineData("en", "🔑🐉🌋🎻🧭🪁", "🔑🐉🌋🎻🧭🪁", "The password must be 12 to 128 characters long.", null)] // 12 UTF-16 units, 6 characters
    [InlineData("en", NewPassword, NewPassword + "2", null, "The two new passwords differ.")]
    [InlineData("zh-Hans", NewPassword, NewPassword + "2", null, "两次输入的新密码不一致。")]
    public async Task ChangeAsync_NewPasswordTooShortOrNotRepeated_NamesTheFieldAndChangesNothing(string culture, string next, string confirm,
        string? newError, string? confirmError)
    {
        using var _ = new CultureScope(culture);

        var (outcome, passwordNow) = await ChangeAsync(DemoAccounts.Admin, DemoAccounts.Password, next, confirm);

        Assert.Equal(new PasswordChangeOutcome(NewError: newError, ConfirmError: confirmError), outcome);
        Assert.Equal(DemoAccounts.Password, passwordNow);
    }

    [Fact]
    [UseCulture("en")]
    public async Task ChangeAsync_CurrentPasswordEmpty_AsksForIt()
    {
        var (outcome, _) = await ChangeAsync(DemoAccounts.Admin, "", NewPassword, NewPassword);

        Assert.Equal(new PasswordChangeOutcome("Enter your current password."), outcome);
    }

    [Fact]
    [UseCulture("en")]
    public async Task ChangeAsync_EasyToGuessNewPassword_GivesThePolicysReason()
    {
        var (outcome, passwordNow) = await ChangeAsync(DemoAccounts.Admin, DemoAccounts.Password, "password1234", "password1234");

        Assert.False(outcome.Succeeded);
        Assert.StartsWith("This password is too easy to guess", outcome.Message);
        Assert.Equal(DemoAccounts.Password, passwordNow);
    }

    [Fact]
    [UseCulture("en")]
    public async Task ChangeAsync_RightCurrentPassword_ChangesIt()
    {
        var (outcome, passwordNow) = await ChangeAsync(DemoAccounts.HangzhouOfficial, DemoAccounts.Password, NewPassword, NewPassword);

        Assert.Equal(new PasswordChangeOutcome("Your password has been changed.", Succeeded: true), outcome);
        Assert.Equal(NewPassword, passwordNow);
    }

    /// <summary>Runs a change as the signed-in <paramref name="email"/>; returns the outcome and which password now works.</summary>
    private async Task<(PasswordChangeOutcome Outcome, string? PasswordNow)> ChangeAsync(string email, string current, string next, string confirm)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        var principal = await scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>().CreateUserPrincipalAsync(user);
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider, User = principal };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;

        var outcome = await scope.ServiceProvider.GetRequiredService<ChangePasswordViewModel>()
            .ChangeAsync(principal, current, next, confirm, IPAddress.Loopback);

        var saved = (await users.FindByEmailAsync(email))!;
        var now = await users.CheckPasswordAsync(saved, DemoAccounts.Password) ? DemoAccounts.Password
            : await users.CheckPasswordAsync(saved, next) ? next : null;
        return (outcome, now);
    }
}
