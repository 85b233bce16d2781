namespace SmartCityIndex.TestSupport;

/// <summary>
/// One PostgreSQL cluster shared by a test collection; each test creates its own database in it. xunit needs the
/// collection definition in the test assembly itself, so each test project declares its own.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}
