namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster that tests stop and start again (database outages), shared by the classes of the
/// <see cref="OutageCollection"/>, which therefore run one after another; its seeded template is made once.
/// </summary>
public sealed class OutageCluster : IAsyncLifetime
{
    public PostgresCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync() => Cluster = await PostgresCluster.StartAsync();

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class OutageCollection : ICollectionFixture<OutageCluster>
{
    public const string Name = "Database outages";
}
