namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>The portal with the demo data and accounts, served on Kestrel, shared by a test class.</summary>
public abstract class SeededPortal : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Services a fixture adds to the portal's own (registered after them, so they can replace them).</summary>
    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    public virtual async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Factory = new PortalFactory(_database, services: ConfigureServices);
        BaseAddress = await Factory.StartOnKestrelAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>On a temporary SQLite file (the embedded default).</summary>
public sealed class SeededPortalFixture : SeededPortal
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, cluster: null);
}

/// <summary>
/// On a temporary SQLite file, with the portal on a <see cref="SteppedClock"/>: the score worker's debounce passes only
/// when the test moves the clock (<see cref="ScoreRuns.DoneAsync"/> does).
/// </summary>
public sealed class ClockedPortalFixture : SeededPortal
{
    public SteppedClock Clock { get; } = new();

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(DatabaseProvider.Sqlite, cluster: null);

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

/// <summary>On a throwaway PostgreSQL cluster of its own (production's database).</summary>
public sealed class SeededPostgresPortalFixture : SeededPortal
{
    private PostgresCluster? _cluster;

    protected override async Task<TestDatabase> CreateDatabaseAsync()
    {
        _cluster = await PostgresCluster.StartAsync();
        return await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql, _cluster);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
