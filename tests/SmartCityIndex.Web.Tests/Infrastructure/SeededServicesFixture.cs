namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// The portal's services over one seeded SQLite database, shared by the tests of a class (they run one after another):
/// for tests that start from a fresh submission (<see cref="SeededServices.FreshYearAsync"/>) and so need no database
/// of their own, which would cost a start-up, migration and seed each.
/// </summary>
public sealed class SeededServicesFixture : IAsyncLifetime
{
    internal SeededServices Services { get; private set; } = null!;

    public async Task InitializeAsync() => Services = await SeededServices.CreateAsync(DatabaseProvider.Sqlite, cluster: null);

    public async Task DisposeAsync() => await Services.DisposeAsync();
}
