using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Cli.Portal;

/// <summary>
/// Loads demo data of a chosen size into the portal's database, with the demo accounts and one more official who
/// is assigned to every city (to see "My submissions" at full size).
/// </summary>
internal static class PortalSeeding
{
    public static async Task<string> SeedAsync(DatabaseTarget database, DemoSize size, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        await using var services = PortalAccounts.BuildServices(database);
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<SmartCityIndexDbContext>();
        try
        {
            await context.Database.MigrateAsync(cancellationToken);
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(size, cancellationToken);
            var accounts = scope.ServiceProvider.GetRequiredService<AccountSeeder>();
            await accounts.SeedAsync(demo: true, cancellationToken);
            var codes = await context.Cities.Select(c => c.Code).ToListAsync(cancellationToken);
            var official = await accounts.EnsureUserAsync(DemoAccounts.AllCitiesOfficial, "Official of every city (demo)", PortalRoles.Official, codes, DemoAccounts.Password, cancellationToken);
            await AssignEveryCityAsync(context, official.Id, cancellationToken);

            var cities = await context.Cities.CountAsync(cancellationToken);
            var periods = await context.ReportingPeriods.CountAsync(cancellationToken);
            var submissions = await context.Submissions.CountAsync(cancellationToken);
            var values = await context.IndicatorValues.CountAsync(cancellationToken);
            return $"The {database.Provider} database holds {cities} cities, {periods} reporting periods, {submissions} submissions " +
                $"and {values} values ({watch.Elapsed.TotalSeconds:F1} s). The values are synthetic demo data. Demo accounts, " +
                $"with the demo password: {string.Join(", ", DemoAccounts.All.Select(a => a.Email))}, {DemoAccounts.AllCitiesOfficial}.";
        }
        catch (DbException e)
        {
            throw new InputException($"Could not use the {database.Provider} database: {e.Message}");
        }
    }

    /// <summary>Cities added by a later, larger seed are assigned too.</summary>
    private static async Task AssignEveryCityAsync(SmartCityIndexDbContext context, string userId, CancellationToken ct)
    {
        var assigned = await context.UserCities.Where(c => c.UserId == userId).Select(c => c.CityId).ToListAsync(ct);
        var missing = await context.Cities.Where(c => !assigned.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
        context.UserCities.AddRange(missing.Select(id => new UserCity { UserId = userId, CityId = id }));
        await context.SaveChangesAsync(ct);
    }
}
