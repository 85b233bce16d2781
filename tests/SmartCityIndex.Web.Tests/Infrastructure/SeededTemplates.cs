using System.Collections.Concurrent;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// The portal's database as its first start leaves it (migrated, demo data and accounts, the start-up score runs
/// done), made once per test process for SQLite and once per PostgreSQL cluster, and copied for each test that needs
/// a seeded database of its own: a copy costs a file copy or a <c>CREATE DATABASE … TEMPLATE</c>, where a start-up
/// seeds, hashes the demo passwords and scores every year again.
/// </summary>
internal static class SeededTemplates
{
    private static readonly object SqliteKey = new();
    private static readonly ConcurrentDictionary<object, Lazy<Task<TestDatabase>>> Templates = new();

    static SeededTemplates() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        if (Templates.TryGetValue(SqliteKey, out var sqlite) && sqlite.Value.IsCompletedSuccessfully)
        {
            sqlite.Value.Result.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    };

    /// <summary>A new seeded database of its own for a test (PostgreSQL: in <paramref name="cluster"/>).</summary>
    public static async Task<TestDatabase> CopyAsync(DatabaseProvider provider, PostgresCluster? cluster)
    {
        object key = provider == DatabaseProvider.Sqlite ? SqliteKey : cluster ?? throw new ArgumentNullException(nameof(cluster));
        var template = await Templates.GetOrAdd(key, _ => new Lazy<Task<TestDatabase>>(() => CreateAsync(provider, cluster))).Value;
        return await TestDatabase.CopyOfAsync(template, cluster);
    }

    private static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresCluster? cluster)
    {
        var database = await TestDatabase.CreateAsync(provider, cluster);
        await using (var factory = new PortalFactory(database))
        {
            await ScoreRuns.DoneAsync(factory.Services); // starts the host: migrates, seeds, scores; then waits for the runs
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            Npgsql.NpgsqlConnection.ClearAllPools(); // a template must have no connections
        }

        return database;
    }
}
