using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.TestSupport;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>The portal with the demo data on a temporary SQLite file, served on Kestrel, shared by a test class.</summary>
public sealed class SeededPortalFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public PortalFactory Factory { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient CreateClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = BaseAddress };

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, cluster: null);
        Factory = new PortalFactory(_database);
        BaseAddress = await Factory.StartOnKestrelAsync();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
