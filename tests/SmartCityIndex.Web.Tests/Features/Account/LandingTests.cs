using System.Net;
using SmartCityIndex.Web.Features.Users;
using SmartCityIndex.Web.Tests.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>Where each role starts: after signing in, on "/", and after a change of role, over HTTP.</summary>
public sealed class LandingTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData(DemoAccounts.HangzhouOfficial, "/submissions")]
    [InlineData(DemoAccounts.Evaluator, "/review")]
    [InlineData(DemoAccounts.Admin, "/admin/users")]
    public async Task SignIn_WithoutAReturnAddress_LandsOnTheRolesOwnPage(string email, string expected)
    {
        using var client = SignIn.Client(fixture.Factory);

        var response = await SignIn.PostAsync(client, email);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, Target(response));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(expected)).StatusCode);
    }

    [Theory]
    [InlineData(DemoAccounts.HangzhouOfficial, "/submissions")]
    [InlineData(DemoAccounts.Evaluator, "/review")]
    [InlineData(DemoAccounts.Admin, "/admin/users")]
    public async Task GetRoot_SignedIn_RedirectsToTheRolesOwnPage(string email, string expected)
    {
        using var client = await SignIn.AsAsync(fixture.Factory, email);

        var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, Target(response));
    }

    [Fact]
    public async Task SignIn_ReturnAddressTheUserMayOpen_GoesThere()
    {
        using var client = SignIn.Client(fixture.Factory);

        var response = await SignIn.PostAsync(client, DemoAccounts.Evaluator, returnUrl: "/cities?search=Hang");

        Assert.Equal("/cities?search=Hang", Target(response));
    }

    [Fact]
    public async Task SignIn_ReturnAddressOfAnotherRolesPage_LandsOnTheOwnPageInsteadOfAccessDenied()
    {
        using var client = SignIn.Client(fixture.Factory);

        var response = await SignIn.PostAsync(client, DemoAccounts.HangzhouOfficial, returnUrl: "/review");

        Assert.Equal("/submissions", Target(response));
    }

    [Fact]
    public async Task SignIn_AfterAChangeOfRoleFromThePageTheSessionEndedOn_LandsOnTheNewRolesPage()
    {
        // The Guangdong official works on "My submissions" when the admin makes them an evaluator; their session ends
        // and the sign-in page is asked to send them back to "/submissions", which an evaluator may not open.
        using var before = await SignIn.AsAsync(fixture.Factory, DemoAccounts.GuangdongOfficial);
        Assert.Equal(HttpStatusCode.OK, (await before.GetAsync("/submissions")).StatusCode);
        var changed = await AsAdmin.RunAsync(fixture.Factory.Services, async (users, admin) =>
            await users.UpdateAsync(admin, (await users.ListAsync(admin)).Single(u => u.Email == DemoAccounts.GuangdongOfficial).Id,
                new UserChange("Guangdong evaluator", PortalRoles.Evaluator, [])));
        Assert.True(changed.Succeeded);
        using var client = SignIn.Client(fixture.Factory);

        var response = await SignIn.PostAsync(client, DemoAccounts.GuangdongOfficial, returnUrl: "/submissions");
        var landed = await client.GetAsync(Target(response));

        Assert.Equal("/review", Target(response));
        Assert.Equal(HttpStatusCode.OK, landed.StatusCode);
        Assert.Contains("Review queue", await landed.Content.ReadAsStringAsync());
    }

    /// <summary>Where a redirect goes, as a local path and query.</summary>
    private static string? Target(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? (location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString) : null;
}
