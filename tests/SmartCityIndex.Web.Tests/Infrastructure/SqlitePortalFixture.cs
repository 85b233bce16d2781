namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// The portal with the demo data and accounts on a temporary SQLite file, hosted in memory by the test server (for
/// <see cref="SignIn"/>, not on Kestrel), shared by a test class.
/// </summary>
public sealed class SqlitePortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalFactory Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        Factory = new PortalFactory(_database);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _database!.DisposeAsync();
    }
}
