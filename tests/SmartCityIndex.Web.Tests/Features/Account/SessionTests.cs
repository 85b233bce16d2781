using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// Sessions kept on the server (finding 5 of the probe; ASVS 7.3, 7.4): signing out ends every copy of the cookie,
/// the idle and absolute limits hold for requests and for open pages alike, and a restart signs nobody out. Each test
/// has a portal of its own, with a clock that the test moves.
/// </summary>
public sealed class SessionTests
{
    [Fact]
    public async Task SignOut_CookieCopiedBeforehand_IsRefusedAfterwards()
    {
        await using var portal = await PortalAsync();
        using var client = SignIn.Client(portal.Factory);
        var cookie = await SignIn.CookieAsync(client, DemoAccounts.Admin);
        using var copy = SignIn.CopyWith(portal.Factory, cookie);
        Assert.Equal(HttpStatusCode.OK, (await copy.GetAsync("/admin/users")).StatusCode);

        var page = await client.GetStringAsync("/admin/users");
        using var signedOut = await client.PostAsync("/account/logout",
            new FormUrlEncodedContent([new("__RequestVerificationToken", SignIn.TokenOf(page))]));
        using var after = await copy.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        AssertSentToSignIn(after);
    }

    [Fact]
    public async Task Get_ActiveEveryTwentyMinutes_EndsEightHoursAfterSignIn()
    {
        await using var portal = await PortalAsync();
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.Evaluator);
        var answers = new List<HttpStatusCode>();

        // 7 h 40 min of work, a request every 20 minutes: never idle for long.
        for (var step = 1; step <= 23; step++)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(20));
            answers.Add((await client.GetAsync("/review")).StatusCode);
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(21)); // 8 h 1 min after signing in
        using var late = await client.GetAsync("/review");

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a));
        AssertSentToSignIn(late);
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(31, false)]
    public async Task Get_AfterMinutesWithoutARequest_OpenOnlyWithinThirtyMinutes(int minutes, bool open)
    {
        await using var portal = await PortalAsync();
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.Evaluator);

        portal.Clock.Advance(TimeSpan.FromMinutes(minutes));
        using var response = await client.GetAsync("/review");

        if (open)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        else
        {
            AssertSentToSignIn(response);
        }
    }

    [Fact]
    public async Task IsOpen_InputInTheOpenPage_KeepsTheSessionPastThirtyMinutesUntilItStops()
    {
        await using var portal = await PortalAsync();
        using var client = SignIn.Client(portal.Factory);
        await SignIn.CookieAsync(client, DemoAccounts.HangzhouOfficial);
        var sessions = portal.Factory.Services.GetRequiredService<SessionStore>();
        var user = await OpenPageUserAsync(portal);
        var start = portal.Clock.GetUtcNow().UtcDateTime;
        var checks = new List<bool>();

        // An official types in the form for 50 minutes without loading another page (the circuit reports the input).
        for (var minute = 5; minute <= 50; minute += 5)
        {
            portal.Clock.Advance(TimeSpan.FromMinutes(5));
            checks.Add(await sessions.IsOpenAsync(user, start.AddMinutes(minute), CancellationToken.None));
        }

        portal.Clock.Advance(TimeSpan.FromMinutes(31)); // then leaves the tab open
        var idle = await sessions.IsOpenAsync(user, start.AddMinutes(50), CancellationToken.None);
        using var request = await client.GetAsync("/submissions");

        Assert.All(checks, Assert.True);
        Assert.False(idle);
        AssertSentToSignIn(request); // the session has ended for the cookie too
    }

    [Fact]
    public async Task Get_AfterThePortalRestarts_TheSessionAndItsCookieStillHold()
    {
        var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        try
        {
            string cookie;
            await using (var first = new PortalFactory(database))
            {
                using var client = SignIn.Client(first);
                cookie = await SignIn.CookieAsync(client, DemoAccounts.Evaluator);
            }

            await using var second = new PortalFactory(database);
            using var copy = SignIn.CopyWith(second, cookie);
            using var response = await copy.GetAsync("/review");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
        finally
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task Get_CookieMadeUp_SendsToSignIn()
    {
        await using var portal = await PortalAsync();
        using var client = SignIn.CopyWith(portal.Factory, "sci.auth=CfDJ8" + new string('A', 200));

        AssertSentToSignIn(await client.GetAsync("/review"));
    }

    /// <summary>The user as an open page holds it: the only session in the database, read through the store.</summary>
    private static async Task<ClaimsPrincipal> OpenPageUserAsync(Portal portal)
    {
        await using var context = await portal.Factory.Services.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>().CreateDbContextAsync();
        var key = await context.Sessions.Select(s => s.Id).SingleAsync();
        var ticket = await portal.Factory.Services.GetRequiredService<SessionStore>().RetrieveAsync(key);
        Assert.NotNull(ticket);
        Assert.Equal(key, ticket.Principal.FindFirstValue(SessionStore.SessionClaim));
        return ticket.Principal;
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString.Split('?')[0]);
    }

    private static async Task<Portal> PortalAsync()
    {
        var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        return new Portal(database, clock, new PortalFactory(database, services: s => s.AddSingleton<TimeProvider>(clock)));
    }

    private sealed record Portal(TestDatabase Database, FakeTimeProvider Clock, PortalFactory Factory) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Factory.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
