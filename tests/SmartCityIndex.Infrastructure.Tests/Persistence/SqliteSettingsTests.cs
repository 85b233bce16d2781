namespace SmartCityIndex.Infrastructure.Tests.Persistence;

/// <summary>How the embedded database is opened: SQLite waits for a busy database itself, on every connection.</summary>
public sealed class SqliteSettingsTests
{
    [Fact]
    public async Task Use_Sqlite_EveryConnectionWaitsUpTo30SecondsForABusyDatabase()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, cluster: null);
        await using var first = database.CreateContext();
        await using var second = database.CreateContext();

        var timeouts = new[] { await BusyTimeoutAsync(first), await BusyTimeoutAsync(second) };

        Assert.All(timeouts, t => Assert.Equal(30_000L, t));
    }

    private static async Task<long> BusyTimeoutAsync(SmartCityIndexDbContext context)
    {
        await context.Database.OpenConnectionAsync();
        await using var command = context.Database.GetDbConnection().CreateCommand();
        command.CommandText = "PRAGMA busy_timeout";
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
