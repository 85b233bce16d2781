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
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(PostgreSqlMigrationsAssembly)),
            _ => throw new InvalidOperationException($"Database:Provider '{provider}' is not supported; use Sqlite or PostgreSql."),
        };
}
