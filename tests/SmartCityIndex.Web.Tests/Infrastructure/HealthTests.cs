using System.Net;

namespace SmartCityIndex.Web.Tests.Infrastructure;

public sealed class HealthTests
{
    [Fact]
    public async Task HealthReady_PostgreSqlGoesAway_ReportsUnhealthyWhileLiveStaysHealthy()
    {
        // A cluster of its own, since the test stops it.
        await using var cluster = await PostgresCluster.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, cluster);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        using var client = factory.CreateClient();
        var before = await client.GetAsync("/health/ready");

        await cluster.StopAsync();
        var after = await client.GetAsync("/health/ready");
        var live = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.Equal("Unhealthy", await after.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }
}
