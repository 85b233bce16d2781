using System.Net;

namespace SmartCityIndex.Web.Tests.Infrastructure;

public sealed class PageTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Get_EveryPage_Answers200WithItsContent(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres.Cluster);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);

        var home = await client.GetStringAsync("/framework");
        var cities = await client.GetStringAsync("/cities");

        Assert.Contains("Urban services and management", home);
        Assert.Contains("INF01", home);
        Assert.Contains("Demo data", home);
        Assert.Contains("Hangzhou", cities);
        Assert.Contains("36 cities", cities);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/cities")]
    [InlineData("/account/password")]
    public async Task Get_PageWhenSignedOut_RedirectsToSignIn(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        using var client = SignIn.Client(factory);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login?ReturnUrl=", response.Headers.Location?.ToString());
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Get_HealthEndpoint_IsHealthy(string path)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_UnknownPath_Answers404WithTheNotFoundPage()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_SignInWithoutDemoData_ListsNoDemoAccounts()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        using var client = SignIn.Client(factory);

        var page = await client.GetStringAsync("/account/login");

        Assert.Contains("Sign in", page);
        Assert.DoesNotContain("Demo accounts", page);
        Assert.DoesNotContain(DemoAccounts.Password, page);
    }
}
