using System.Net;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// The portal over HTTP while PostgreSQL is stopped (probe finding 7): requests with a session cookie no longer answer
/// 500 everywhere; pages that need data say that the database is away (503, in the user's language); the session
/// survives, and everything works again when the database is back.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class DatabaseOutageTests(OutageCluster outage)
{
    [Fact]
    public async Task Get_SignedInWhileTheDatabaseIsStopped_AnswersWithoutErrorsAndKeepsTheSession()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.PostgreSql, outage.Cluster);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/review")).StatusCode);

        HttpResponseMessage live, signIn, review, chinese;
        await outage.Cluster.StopAsync();
        try
        {
            live = await client.GetAsync("/health/live");
            signIn = await client.GetAsync("/account/login");
            review = await client.GetAsync("/review");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/review");
            request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");
            chinese = await client.SendAsync(request);
        }
        finally
        {
            await outage.Cluster.StartAgainAsync();
        }

        using var after = await client.GetAsync("/review");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True((int)signIn.StatusCode < 500, $"the sign-in page answered {signIn.StatusCode}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, review.StatusCode);
        Assert.Contains("The portal cannot reach its database just now. Nothing you saved was lost; please try again in a moment.", await review.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, chinese.StatusCode);
        Assert.Contains("门户暂时无法连接数据库。已保存的内容不会丢失，请稍后重试。", await chinese.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode); // still signed in: not sent to sign in
    }

    [Fact]
    public async Task SignOut_WhileTheDatabaseIsStopped_EndsTheSessionAndACopiedCookieIsRefusedAfterTheRestart()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.PostgreSql, outage.Cluster);
        await using var factory = new PortalFactory(database);
        using var client = SignIn.Client(factory);
        var cookie = await SignIn.CookieAsync(client, DemoAccounts.Admin);
        using var copy = SignIn.CopyWith(factory, cookie);
        var page = await client.GetStringAsync("/admin/users");

        HttpResponseMessage signedOut, copyDuring;
        await outage.Cluster.StopAsync();
        try
        {
            signedOut = await client.PostAsync("/account/logout", new FormUrlEncodedContent([new("__RequestVerificationToken", SignIn.TokenOf(page))]));
            copyDuring = await copy.GetAsync("/admin/users");
        }
        finally
        {
            await outage.Cluster.StartAgainAsync();
        }

        using var copyAfter = await copy.GetAsync("/admin/users");
        using var signedOutClientAfter = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.Equal("/account/login", signedOut.Headers.Location?.OriginalString);
        Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("sci.auth=;", StringComparison.Ordinal)); // the cookie deleted
        AssertSentToSignIn(copyDuring);
        AssertSentToSignIn(copyAfter);
        AssertSentToSignIn(signedOutClientAfter);
        await using var context = database.CreateContext();
        Assert.Equal(0, await context.Sessions.CountAsync()); // the row went at the first read after the restart
    }

    [Fact]
    public async Task ExecutionStrategy_PostgreSql_RetriesAndUserTransactionsRunInsideIt()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.PostgreSql, outage.Cluster);
        await using var factory = new PortalFactory(database);
        await using var context = await factory.Services.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>().CreateDbContextAsync();

        Assert.True(context.Database.CreateExecutionStrategy().RetriesOnFailure);
        // The admin's account changes begin their transaction inside the strategy: a retrying strategy refuses one
        // begun outside it.
        await SmartCityIndex.Web.Tests.Features.Users.AsAdmin.DisableAsync(factory.Services, DemoAccounts.Evaluator);
        Assert.True((await context.Users.SingleAsync(u => u.Email == DemoAccounts.Evaluator)).IsDisabled);
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location?.OriginalString.Split('?')[0]);
    }
}
