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

    /// <summary>
    /// Load the demo framework, cities, values and accounts (whose password is public). Default: on only for SQLite in
    /// the Development environment (<c>dotnet run</c>); never elsewhere unless set to <c>true</c>
    /// (<see cref="DefaultFor"/>).
    /// </summary>
    public bool? SeedDemoData { get; set; }

    /// <summary>Whether demo data and demo accounts are seeded.</summary>
    public bool ShouldSeedDemoData => SeedDemoData == true;

    /// <summary>The default of <see cref="SeedDemoData"/> when the configuration does not set it.</summary>
    public static bool DefaultFor(DatabaseProvider provider, bool isDevelopment) => provider == DatabaseProvider.Sqlite && isDevelopment;
}

/// <summary>The supported database engines.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}
