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
    [Theory]
    [InlineData("en", "The portal cannot reach its database just now. Nothing you saved was lost; please try again in a moment.")]
    [InlineData("zh-Hans", "门户暂时无法连接数据库。已保存的内容不会丢失，请稍后重试。")]
    public async Task Get_SignedInWhileTheDatabaseIsStopped_AnswersWithoutErrorsAndKeepsTheSession(string culture, string message)
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.PostgreSql, outage.Cluster);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/review")).StatusCode);

        HttpResponseMessage live, signIn, review;
        await outage.Cluster.StopAsync();
        try
        {
            live = await client.GetAsync("/health/live");
            signIn = await client.GetAsync("/account/login");
            review = await client.GetAsync("/review");
        }
        finally
        {
            await outage.Cluster.StartAgainAsync();
        }

        using var after = await client.GetAsync("/review");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True((int)signIn.StatusCode < 500, $"the sign-in page answered {signIn.StatusCode}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, review.StatusCode);
        Assert.Contains(message, await review.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, after.StatusCode); // still signed in: not sent to sign in
    }
}
