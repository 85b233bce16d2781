using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SmartCityIndex.Infrastructure.Persistence;

namespace SmartCityIndex.TestSupport;

/// <summary>
/// A fresh, empty database on a real provider: a temporary SQLite file, or a new database in the shared PostgreSQL
/// cluster. Removed (SQLite) on dispose.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
    }

    /// <summary>The provider names, for <c>[MemberData]</c> theories that run on both.</summary>
    public static TheoryData<DatabaseProvider> Providers => new() { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql };

    public DatabaseProvider Provider { get; }

    public string ConnectionString { get; }

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, PostgresCluster? cluster)
    {
        if (provider == DatabaseProvider.PostgreSql)
        {
            var cs = await (cluster ?? throw new ArgumentNullException(nameof(cluster))).CreateDatabaseAsync();
            return new TestDatabase(provider, cs, null);
        }

        var file = Path.Combine(ScratchDirectory.Path, $"sci-test-{Guid.NewGuid():N}.db");
        return new TestDatabase(provider, new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString(), file);
    }

    /// <summary>
    /// A new database with the content of <paramref name="template"/>, which nobody may be connected to: a file copy on
    /// SQLite, <c>CREATE DATABASE … TEMPLATE</c> in the same cluster on PostgreSQL.
    /// </summary>
    public static async Task<TestDatabase> CopyOfAsync(TestDatabase template, PostgresCluster? cluster)
    {
        if (template.Provider == DatabaseProvider.PostgreSql)
        {
            var name = new Npgsql.NpgsqlConnectionStringBuilder(template.ConnectionString).Database;
            var cs = await (cluster ?? throw new ArgumentNullException(nameof(cluster))).CreateDatabaseAsync(name);
            return new TestDatabase(template.Provider, cs, null);
        }

        var copy = await CreateAsync(DatabaseProvider.Sqlite, null);
        File.Copy(template._sqliteFile!, copy._sqliteFile!);
        if (File.Exists(template._sqliteFile + "-wal"))
        {
            File.Copy(template._sqliteFile + "-wal", copy._sqliteFile + "-wal"); // not yet checkpointed: part of the content
        }

        return copy;
    }

    public DbContextOptions<SmartCityIndexDbContext> Options
    {
        get
        {
            var builder = new DbContextOptionsBuilder<SmartCityIndexDbContext>();
            builder.Use(Provider, ConnectionString);
            return builder.Options;
        }
    }

    public SmartCityIndexDbContext CreateContext() => new(Options);

    /// <summary>Creates the schema with the provider's migrations.</summary>
    public async Task<TestDatabase> MigrateAsync()
    {
        await using var context = CreateContext();
        await context.Database.MigrateAsync();
        return this;
    }

    public ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        return ValueTask.CompletedTask;
    }
}
