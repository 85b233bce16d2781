namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";
    public const string ConnectionStringName = "SmartCityIndex";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>PostgreSql</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (default true).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>Load the demo framework, cities and values. Default: on for SQLite, off for PostgreSQL.</summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Whether demo data are seeded with the configured provider.</summary>
    public bool ShouldSeedDemoData => SeedDemoData ?? Provider == DatabaseProvider.Sqlite;
}

/// <summary>The supported database engines.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
