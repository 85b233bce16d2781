using Microsoft.Data.Sqlite;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>The embedded SQLite database as the portal leaves it after starting.</summary>
public sealed class EmbeddedDatabaseTests
{
    [Fact]
    public async Task Start_Sqlite_SwitchesTheDatabaseToWriteAheadLogging()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, cluster: null);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        _ = factory.Services; // starts the portal: migrations, then the journal mode

        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";

        Assert.Equal("wal", (string?)await command.ExecuteScalarAsync());
    }

    [Theory]
    [InlineData("Production", false)]
    [InlineData("Staging", false)]
    [InlineData("Development", true)]
    public async Task Start_SqliteWithoutSeedSetting_SeedsTheDemoAndItsAccountsOnlyInDevelopment(string environment, bool seeded)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, cluster: null);
        await using var factory = new PortalFactory(database, seedDemoData: null, environment: environment);
        _ = factory.Services; // starts the portal: migrations, then the seed if any

        await using var context = database.CreateContext();
        Assert.Equal(seeded, await context.Users.AnyAsync(u => u.Email == DemoAccounts.Evaluator));
        Assert.Equal(seeded, await context.Cities.AnyAsync());
    }
}
