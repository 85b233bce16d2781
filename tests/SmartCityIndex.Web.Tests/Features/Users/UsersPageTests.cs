using System.Net;

namespace SmartCityIndex.Web.Tests.Features.Users;

/// <summary><c>/admin/users</c> over HTTP: admins only, whatever the menu shows.</summary>
public sealed class UsersPageTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private readonly PortalFactory _portal = fixture.Factory;

    [Theory]
    [InlineData(DemoAccounts.Evaluator)]
    [InlineData(DemoAccounts.HangzhouOfficial)]
    public async Task Get_AsNonAdmin_RedirectsToAccessDenied(string email)
    {
        using var client = await SignIn.AsAsync(_portal, email);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/access-denied", response.Headers.Location?.OriginalString.Split('?')[0]);
        Assert.DoesNotContain(DemoAccounts.GuangdongOfficial, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_AsAdmin_ListsTheDemoUsersWithRolesAndCities()
    {
        using var client = await SignIn.AsAsync(_portal, DemoAccounts.Admin);

        var response = await client.GetAsync("/admin/users");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.All(DemoAccounts.All, account => Assert.Contains(account.Email, html));
        Assert.Contains("Guangdong official (demo)", html);
        Assert.Contains("Shenzhen", html);
        Assert.Contains("Evaluator", html);
    }

    [Fact]
    public async Task Get_SignedOut_RedirectsToSignIn()
    {
        using var client = SignIn.Client(_portal);

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString.Split('?')[0]);
    }
}
