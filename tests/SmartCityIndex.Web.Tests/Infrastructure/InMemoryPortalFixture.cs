using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.TestSupport;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>The portal with the demo data on a temporary SQLite file, in memory (for <see cref="SignIn"/>), shared by a test class.</summary>
public sealed class InMemoryPortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        Factory = new PortalFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
