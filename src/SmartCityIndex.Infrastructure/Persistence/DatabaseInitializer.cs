using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>Brings the database to the current schema and, when configured, loads the demo data.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    IOptions<DatabaseOptions> options,
    DemoSeeder seeder,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken = default)
    {
        var database = options.Value;
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (database.MigrateOnStartup)
        {
            EnsureSqliteFolder(context);
            var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await context.Database.MigrateAsync(cancellationToken);
            if (context.Database.IsSqlite())
            {
                // Write-ahead logging (kept in the file): reading a form does not wait for someone else's save, nor
                // the other way round. Durability is unchanged (synchronous stays FULL).
                await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
            }

            logger.LogInformation("Database ({Provider}) is up to date; applied {Count} migration(s)", database.Provider, pending.Count);
        }

        if (database.ShouldSeedDemoData)
        {
            await seeder.SeedAsync(cancellationToken);
        }

        // Roles, the bootstrap admin and (in demo mode) the demo accounts, where Identity is in use.
        if (services.GetService<AccountSeeder>() is { } accounts)
        {
            await accounts.SeedAsync(database.ShouldSeedDemoData, cancellationToken);
        }
    }

    private static void EnsureSqliteFolder(SmartCityIndexDbContext context)
    {
        if (!context.Database.IsSqlite())
        {
            return;
        }

        var dataSource = new SqliteConnectionStringBuilder(context.Database.GetConnectionString()).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder) && dataSource != ":memory:")
        {
            Directory.CreateDirectory(folder);
        }
    }
}

public static class DatabaseInitializerExtensions
{
    /// <summary>Migrates and seeds the database before the host starts serving.</summary>
    public static async Task InitialiseDatabaseAsync(this IHost host, CancellationToken cancellationToken = default)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync(cancellationToken);
    }
}
