using Microsoft.Data.Sqlite;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>
/// Points a context at one provider and that provider's own migrations assembly (one migrations project per
/// provider; see docs/decisions/ADR-002). Used by the app and by the design-time factories alike.
/// </summary>
public static class DatabaseProviders
{
    public const string SqliteMigrationsAssembly = "SmartCityIndex.Migrations.Sqlite";
    public const string PostgreSqlMigrationsAssembly = "SmartCityIndex.Migrations.PostgreSql";

    /// <summary>The embedded default: <c>data/smartcityindex.db</c> next to the app.</summary>
    public static string DefaultSqliteConnectionString(string baseDirectory) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(baseDirectory, "data", "smartcityindex.db") }.ToString();

    public static DbContextOptionsBuilder Use(this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString) =>
        provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly))
                .AddInterceptors(SqliteBusyTimeout.Instance),
            // A dropped connection or a restarting server is tried again, three times within about three seconds (a
            // restart's length): user transactions run inside CreateExecutionStrategy(). Longer outages reach the
            // caller as DatabaseOutage, and the pages keep what was typed.
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o
                .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null)),
            _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or PostgreSql."),
        };
}
