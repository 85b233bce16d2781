using System.Data.Common;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Infrastructure.Auditing;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;

namespace SmartCityIndex.Cli.Portal;

/// <summary>An account to create: cities (codes) for officials only.</summary>
internal sealed record NewAccount(string Email, string DisplayName, string Role, IReadOnlyList<string> CityCodes, string Password);

/// <summary>The portal's database as the command line was told to reach it.</summary>
internal sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>
    /// Reads the provider name (null means SQLite, the portal's default) and the connection string, the same settings
    /// as the portal's <c>Database:Provider</c> and <c>ConnectionStrings:SmartCityIndex</c>.
    /// </summary>
    public static DatabaseTarget Resolve(string? providerName, string? connectionString, bool mayCreate = false)
    {
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerName) && !Enum.TryParse(providerName.Trim(), ignoreCase: true, out provider))
        {
            throw new InputException($"The database provider '{providerName}' is not known; use Sqlite or PostgreSql.");
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InputException(provider == DatabaseProvider.Sqlite
                ? "--connection is required for SQLite (or set ConnectionStrings__SmartCityIndex): the portal keeps its default " +
                  "database file next to its own binaries, which the command line cannot find. Give the file, e.g. " +
                  "--connection \"Data Source=/srv/sci/data/smartcityindex.db\"."
                : "--connection is required for PostgreSQL (or set ConnectionStrings__SmartCityIndex), e.g. " +
                  "--connection \"Host=db;Database=sci;Username=sci;Password=...\".");
        }

        if (provider == DatabaseProvider.Sqlite && !mayCreate)
        {
            // A mistyped path would otherwise create a new, empty database with just this account in it.
            var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
            if (!File.Exists(file))
            {
                throw new InputException($"The SQLite database {file} does not exist. Check the path, or start the portal once to create it.");
            }
        }

        return new DatabaseTarget(provider, connectionString);
    }
}

/// <summary>
/// Creates portal accounts with the portal's own Identity setup (password policy included), on a small service
/// collection of its own: logging, the context factory, Identity. Pending migrations are applied first and the roles
/// are ensured, as the portal does at start-up.
/// </summary>
internal static class PortalAccounts
{
    /// <summary>Creates the account and its audit entry in one transaction; returns a line saying what was done.</summary>
    public static async Task<string> AddAsync(DatabaseTarget database, NewAccount account, CancellationToken cancellationToken)
    {
        CheckCities(account);
        await using var services = BuildServices(database);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SmartCityIndexDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var seeder = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
        try
        {
            await context.Database.MigrateAsync(cancellationToken);
            await seeder.SeedAsync(demo: false, cancellationToken); // the roles; the configuration is empty, so nothing else

            if (await users.FindByEmailAsync(account.Email) is not null)
            {
                throw new InputException($"A user with the e-mail {account.Email} exists already.");
            }

            var unknown = account.CityCodes.Except(await context.Cities.Where(c => account.CityCodes.Contains(c.Code)).Select(c => c.Code)
                .ToListAsync(cancellationToken)).ToList();
            if (unknown.Count > 0)
            {
                throw new InputException($"Unknown city code{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)}: use the codes on the portal's Cities page, such as CN-HZ.");
            }

            await CheckPasswordAsync(users, account);

            // The account (user, role, cities) and its audit entry are saved together or not at all. On PostgreSQL a dropped
            // connection runs the attempt again from the start.
            await context.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                context.ChangeTracker.Clear();
                await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
                var user = await seeder.EnsureUserAsync(account.Email, account.DisplayName, account.Role, account.CityCodes, account.Password, cancellationToken);
                var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
                context.Record($"cli:{Environment.UserName}", now, "User", user.Id, "Created", null,
                    new { user.Email, user.DisplayName, account.Role, Cities = account.CityCodes, user.IsDisabled }, AuditChannel.Cli);
                await context.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            });
        }
        catch (DbException e)
        {
            throw new InputException($"Could not use the {database.Provider} database: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Could not create", StringComparison.Ordinal))
        {
            // Identity refused the account (an invalid e-mail, say): AccountSeeder says what and why.
            throw new InputException(e.Message);
        }

        return account.CityCodes.Count > 0
            ? $"Created the {account.Role} account {account.Email} for {string.Join(", ", account.CityCodes)}."
            : $"Created the {account.Role} account {account.Email}.";
    }

    /// <summary>The portal's database services (context factory, Identity, the demo seeder) without the web host.</summary>
    public static ServiceProvider BuildServices(DatabaseTarget database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton(TimeProvider.System);
        services.AddDbContextFactory<SmartCityIndexDbContext>(options => options.Use(database.Provider, database.ConnectionString));
        // Identity's token providers need data protection; the command line never issues a token, so keys in memory do.
        services.AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        services.AddPortalIdentity();
        services.AddTransient<SmartCityIndex.Infrastructure.Seeding.DemoSeeder>();
        return services.BuildServiceProvider();
    }

    private static void CheckCities(NewAccount account)
    {
        if (account.Role == PortalRoles.Official && account.CityCodes.Count == 0)
        {
            throw new InputException("An official needs at least one city: add --city with its code, such as --city CN-HZ.");
        }

        if (account.Role != PortalRoles.Official && account.CityCodes.Count > 0)
        {
            throw new InputException($"--city is for officials only: a {account.Role} sees every city.");
        }
    }

    /// <summary>The portal's password rules, checked before anything is written, with their own messages.</summary>
    private static async Task CheckPasswordAsync(UserManager<PortalUser> users, NewAccount account)
    {
        var candidate = new PortalUser { UserName = account.Email, Email = account.Email, DisplayName = account.DisplayName };
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, candidate, account.Password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            throw new InputException($"The password was refused: {string.Join(" ", errors.Distinct())}");
        }
    }
}
