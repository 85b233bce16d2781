using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>
/// Creates the roles, the first admin from configuration (<c>Bootstrap:AdminEmail</c>, <c>Bootstrap:AdminPassword</c>)
/// and, in demo mode, the demo accounts. Safe to run any number of times.
/// </summary>
public sealed class AccountSeeder(
    UserManager<PortalUser> users,
    RoleManager<IdentityRole> roles,
    IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    IConfiguration configuration,
    ILogger<AccountSeeder> logger)
{
    public async Task SeedAsync(bool demo, CancellationToken cancellationToken = default)
    {
        foreach (var role in PortalRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"role {role}");
            }
        }

        if (configuration["Bootstrap:AdminEmail"] is { Length: > 0 } email)
        {
            var password = configuration["Bootstrap:AdminPassword"]
                ?? throw new InvalidOperationException("Bootstrap:AdminEmail is set but Bootstrap:AdminPassword is not.");
            await EnsureUserAsync(email, "Administrator", PortalRoles.Admin, [], password, cancellationToken);
        }

        if (demo)
        {
            foreach (var (demoEmail, name, role, cities) in DemoAccounts.All)
            {
                await EnsureUserAsync(demoEmail, name, role, cities, DemoAccounts.Password, cancellationToken);
            }
        }
    }

    /// <summary>Creates the user with that role and cities unless the e-mail is taken already.</summary>
    public async Task<PortalUser> EnsureUserAsync(string email, string displayName, string role, IReadOnlyCollection<string> cityCodes,
        string password, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null)
        {
            return user;
        }

        user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = displayName };
        await using (var context = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var cityIds = await context.Cities.Where(c => cityCodes.Contains(c.Code)).Select(c => c.Id).ToListAsync(cancellationToken);
            user.Cities.AddRange(cityIds.Select(id => new UserCity { CityId = id }));
        }

        Check(await users.CreateAsync(user, password), $"user {email}");
        Check(await users.AddToRoleAsync(user, role), $"role of {email}");
        logger.LogInformation("Created the {Role} account {Email}", role, email);
        return user;
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
