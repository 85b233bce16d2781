using Microsoft.AspNetCore.Identity;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Infrastructure.Auditing;

namespace SmartCityIndex.Web.Features.Users;

/// <summary>A city an official can be assigned to, with both names.</summary>
public sealed record CityChoice(int Id, string Code, string NameEn, string NameZh)
{
    /// <summary>The name in the current UI language.</summary>
    public string Name => LocalizationSetup.Pick(NameEn, NameZh);
}

/// <summary>One row of the users grid.</summary>
public sealed record UserRow(string Id, string Email, string DisplayName, string? Role, IReadOnlyList<CityChoice> Cities, bool IsDisabled,
    DateTimeOffset? LockedOutUntil, bool TwoFactor = false)
{
    /// <summary>True when the e-mail, the display name, the role or a city (code or either name) contains the text.</summary>
    public bool Matches(string? text) =>
        string.IsNullOrWhiteSpace(text)
        || new[] { Email, DisplayName, Role ?? string.Empty }
            .Concat(Cities.SelectMany(c => new[] { c.Code, c.NameEn, c.NameZh }))
            .Any(v => v.Contains(text.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A new account: cities count for officials only.</summary>
public sealed record NewUser(string Email, string DisplayName, string Role, IReadOnlyCollection<int> CityIds, string Password);

/// <summary>The new name, role and cities of an account.</summary>
public sealed record UserChange(string DisplayName, string Role, IReadOnlyCollection<int> CityIds);

/// <summary>What a change came to: success, or the reasons it was refused (Identity's codes and English descriptions).</summary>
public sealed record UserAdministrationResult(IReadOnlyList<IdentityError> Errors)
{
    public static readonly UserAdministrationResult Success = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static UserAdministrationResult Failed(string code, string description) => new([new IdentityError { Code = code, Description = description }]);
}

/// <summary>
/// The admins' work on accounts: list, create, change role and cities, disable and enable. Every method checks that
/// the caller is an admin (the page's policy is not the only guard) and logs a refusal. Every change is saved in one
/// transaction with its audit entry and logged as a security event.
/// </summary>
/// <remarks>
/// Changes run in a service scope of their own: Identity's <see cref="UserManager{TUser}"/> works through a scoped
/// context, and a circuit's scope lives as long as the browser tab, so a fresh scope per operation keeps stale
/// tracked users out (the same reason the rest of the portal creates one context per operation).
/// </remarks>
public sealed class UserAdministrationService(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    TimeProvider clock,
    SessionStore sessions,
    ILogger<UserAdministrationService> logger)
{
    /// <summary>The audit trail's entity type for accounts.</summary>
    public const string AuditEntityType = "User";

    /// <summary>Every account with its role, cities and state, ordered by e-mail.</summary>
    public async Task<IReadOnlyList<UserRow>> ListAsync(Access caller, CancellationToken cancellationToken = default)
    {
        Demand(caller, "list", "all users");
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var users = await context.Users.AsNoTracking()
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.IsDisabled, u.LockoutEnd, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var roles = (await (from userRole in context.UserRoles
                            join role in context.Roles on userRole.RoleId equals role.Id
                            select new { userRole.UserId, role.Name }).ToListAsync(cancellationToken))
            .ToLookup(r => r.UserId, r => r.Name);
        var cities = (await (from userCity in context.UserCities
                             join city in context.Cities on userCity.CityId equals city.Id
                             select new { userCity.UserId, City = new CityChoice(city.Id, city.Code, city.NameEn, city.NameZh) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.UserId, c => c.City);

        var now = clock.GetUtcNow();
        return users
            .OrderBy(u => u.Email, StringComparer.OrdinalIgnoreCase)
            .Select(u => new UserRow(u.Id, u.Email ?? string.Empty, u.DisplayName, MainRole(roles[u.Id]),
                [.. cities[u.Id].OrderBy(c => c.Code, StringComparer.Ordinal)], u.IsDisabled,
                !u.IsDisabled && u.LockoutEnd > now ? u.LockoutEnd : null, u.TwoFactorEnabled))
            .ToList();
    }

    /// <summary>The cities an official can be assigned to, ordered by code.</summary>
    public async Task<IReadOnlyList<CityChoice>> ListCitiesAsync(Access caller, CancellationToken cancellationToken = default)
    {
        Demand(caller, "list", "cities to assign");
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Cities.AsNoTracking()
            .OrderBy(c => c.Code)
            .Select(c => new CityChoice(c.Id, c.Code, c.NameEn, c.NameZh))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Creates an account with its role and (for an official) cities. The password must pass the password policy;
    /// when anything is refused, nothing is written.
    /// </summary>
    public async Task<UserAdministrationResult> CreateAsync(Access caller, NewUser input, CancellationToken cancellationToken = default)
    {
        var email = input.Email.Trim();
        Demand(caller, "create", email);
        if (CheckRole(input.Role, input.CityIds) is { } refused)
        {
            return refused;
        }

        return await InTransactionAsync(async (users, context) =>
        {
            var cities = await FindCitiesAsync(context, input.Role, input.CityIds, cancellationToken);
            if (cities is null)
            {
                return UnknownCity();
            }

            var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = input.DisplayName.Trim() };
            user.Cities.AddRange(cities.Select(c => new UserCity { CityId = c.Id }));
            var result = await users.CreateAsync(user, input.Password);
            if (result.Succeeded)
            {
                result = await users.AddToRoleAsync(user, input.Role);
            }

            if (!result.Succeeded)
            {
                logger.LogInformation("{Actor} could not create the account {Target}: {Codes}", caller.UserName, email, Codes(result));
                return new([.. result.Errors]);
            }

            context.Record(caller.UserName, Now, AuditEntityType, user.Id, "Created", null,
                Snapshot(user, input.Role, cities), AuditChannel.Form);
            await context.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} created the {Role} account {Target} for {Cities}", caller.UserName, input.Role, email,
                cities.Select(c => c.Code));
            return UserAdministrationResult.Success;
        }, cancellationToken);
    }

    /// <summary>
    /// Changes an account's display name, role and cities. A change of role or cities also changes the security
    /// stamp, so that the user's open sessions end within a minute and the new access applies at the next sign-in.
    /// Admins cannot change their own role.
    /// </summary>
    public async Task<UserAdministrationResult> UpdateAsync(Access caller, string userId, UserChange change, CancellationToken cancellationToken = default)
    {
        Demand(caller, "change", userId);
        if (CheckRole(change.Role, change.CityIds) is { } refused)
        {
            return refused;
        }

        return await InTransactionAsync(async (users, context) =>
        {
            var user = await context.Users.Include(u => u.Cities).SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
            if (user is null)
            {
                return NotFound();
            }

            var oldRoles = await users.GetRolesAsync(user);
            var oldRole = MainRole(oldRoles);
            if (caller.UserId == user.Id && oldRole != change.Role)
            {
                logger.LogWarning("Refused to let {Actor} change their own role from {OldRole} to {Role}", caller.UserName, oldRole, change.Role);
                return UserAdministrationResult.Failed("CannotChangeOwnRole", "You cannot change your own role; ask another admin.");
            }

            var cities = await FindCitiesAsync(context, change.Role, change.CityIds, cancellationToken);
            if (cities is null)
            {
                return UnknownCity();
            }

            var oldCities = await CitiesOfAsync(context, user, cancellationToken);
            var before = Snapshot(user, oldRole, oldCities);
            var newIds = cities.Select(c => c.Id).ToHashSet();
            var citiesChanged = !newIds.SetEquals(user.Cities.Select(c => c.CityId));
            var roleChanged = oldRole != change.Role || oldRoles.Count != 1;
            var nameChanged = user.DisplayName != change.DisplayName.Trim();
            if (!citiesChanged && !roleChanged && !nameChanged)
            {
                return UserAdministrationResult.Success;
            }

            user.DisplayName = change.DisplayName.Trim();
            user.Cities.RemoveAll(c => !newIds.Contains(c.CityId));
            user.Cities.AddRange(newIds.Where(id => user.Cities.All(c => c.CityId != id)).Select(id => new UserCity { UserId = user.Id, CityId = id }));
            var result = IdentityResult.Success;
            if (roleChanged)
            {
                result = await users.RemoveFromRolesAsync(user, oldRoles);
                if (result.Succeeded)
                {
                    result = await users.AddToRoleAsync(user, change.Role);
                }
            }

            if (result.Succeeded)
            {
                // A new stamp ends the user's open sessions, so that narrower access applies at once.
                result = roleChanged || citiesChanged ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
            }

            if (!result.Succeeded)
            {
                logger.LogInformation("{Actor} could not change the account {Target}: {Codes}", caller.UserName, user.Email, Codes(result));
                return new([.. result.Errors]);
            }

            context.Record(caller.UserName, Now, AuditEntityType, user.Id, "Updated", before, Snapshot(user, change.Role, cities), AuditChannel.Form);
            await context.SaveChangesAsync(cancellationToken);
            logger.LogInformation("{Actor} changed the account {Target}: role {OldRole} -> {Role}, cities {OldCities} -> {Cities}",
                caller.UserName, user.Email, oldRole, change.Role, oldCities.Select(c => c.Code), cities.Select(c => c.Code));
            return UserAdministrationResult.Success;
        }, cancellationToken);
    }

    /// <summary>
    /// Disables an account: it cannot sign in (locked out with no end), its sessions end at once and its open pages
    /// close within a minute (the revalidation). Admins cannot disable themselves.
    /// </summary>
    public async Task<UserAdministrationResult> DisableAsync(Access caller, string userId, CancellationToken cancellationToken = default)
    {
        Demand(caller, "disable", userId);
        if (caller.UserId == userId)
        {
            logger.LogWarning("Refused to let {Actor} disable their own account", caller.UserName);
            return UserAdministrationResult.Failed("CannotDisableSelf", "You cannot disable your own account.");
        }

        return await InTransactionAsync(async (users, context) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NotFound();
            }

            if (user.IsDisabled)
            {
                return UserAdministrationResult.Success;
            }

            var before = State(user);
            user.IsDisabled = true;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            var result = await users.UpdateSecurityStampAsync(user);
            if (!result.Succeeded)
            {
                return new([.. result.Errors]);
            }

            context.Record(caller.UserName, Now, AuditEntityType, user.Id, "Disabled", before, State(user), AuditChannel.Form);
            await context.SaveChangesAsync(cancellationToken);
            await sessions.EndAllAsync(context, user.Id, cancellationToken);
            logger.LogWarning("{Actor} disabled the account {Target}; its sessions have ended, its open pages close at the next revalidation", caller.UserName, user.Email);
            return UserAdministrationResult.Success;
        }, cancellationToken);
    }

    /// <summary>
    /// Lets an account sign in again: re-enables a disabled one, or lifts the lockout after too many failed
    /// attempts (and clears the count of failures).
    /// </summary>
    public async Task<UserAdministrationResult> EnableAsync(Access caller, string userId, CancellationToken cancellationToken = default)
    {
        Demand(caller, "enable", userId);
        return await InTransactionAsync(async (users, context) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NotFound();
            }

            if (!user.IsDisabled && user.LockoutEnd is null && user.AccessFailedCount == 0)
            {
                return UserAdministrationResult.Success;
            }

            var action = user.IsDisabled ? "Enabled" : "Unlocked";
            var before = State(user);
            user.IsDisabled = false;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            var result = await users.UpdateAsync(user);
            if (!result.Succeeded)
            {
                return new([.. result.Errors]);
            }

            context.Record(caller.UserName, Now, AuditEntityType, user.Id, action, before, State(user), AuditChannel.Form);
            await context.SaveChangesAsync(cancellationToken);
            logger.LogWarning("{Actor} {Action} the account {Target}", caller.UserName, action.ToLowerInvariant(), user.Email);
            return UserAdministrationResult.Success;
        }, cancellationToken);
    }

    /// <summary>
    /// Turns off the two-factor sign-in of someone who lost the phone and the recovery codes: the key and the codes are
    /// forgotten, the account's sessions end at once, and its owner signs in with the password and sets up a new key
    /// (at once, when the portal requires it of admins). Not for one's own account: that is the two-factor page's work.
    /// </summary>
    public async Task<UserAdministrationResult> ResetTwoFactorAsync(Access caller, string userId, CancellationToken cancellationToken = default)
    {
        Demand(caller, "reset the two-factor sign-in of", userId);
        if (caller.UserId == userId)
        {
            logger.LogWarning("Refused to let {Actor} reset their own two-factor sign-in from the users page", caller.UserName);
            return UserAdministrationResult.Failed("CannotResetOwnTwoFactor", "Turn your own two-factor sign-in off on your two-factor page.");
        }

        return await InTransactionAsync(async (users, context) =>
        {
            var user = await users.FindByIdAsync(userId);
            if (user is null)
            {
                return NotFound();
            }

            if (!user.TwoFactorEnabled)
            {
                return UserAdministrationResult.Success;
            }

            await TwoFactorService.ForgetAsync(users, user);
            context.Record(caller.UserName, Now, AuditEntityType, user.Id, "TwoFactorReset", new { TwoFactor = true }, new { TwoFactor = false }, AuditChannel.Form);
            await context.SaveChangesAsync(cancellationToken);
            await sessions.EndAllAsync(context, user.Id, cancellationToken);
            logger.LogWarning("{Actor} reset the two-factor sign-in of {Target}; its sessions have ended", caller.UserName, user.Email);
            return UserAdministrationResult.Success;
        }, cancellationToken);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Demand(Access caller, string action, string target)
    {
        if (caller.IsAdmin)
        {
            return;
        }

        logger.LogWarning("Refused to let {Actor} {Action} {Target}: user administration is for admins only", caller.UserName, action, target);
        throw new UnauthorizedAccessException($"Only admins may {action} {target}.");
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction in a scope of its own, committed when it succeeds, under the
    /// database's execution strategy: on PostgreSQL a dropped connection runs it again from the start, on fresh
    /// tracked users, so that nothing is half-written and nothing is written twice.
    /// </summary>
    private async Task<UserAdministrationResult> InTransactionAsync(
        Func<UserManager<PortalUser>, SmartCityIndexDbContext, Task<UserAdministrationResult>> work, CancellationToken cancellationToken)
    {
        await using var strategyContext = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await strategyContext.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var (users, context) = Resolve(scope);
            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            var result = await work(users, context);
            if (result.Succeeded)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return result;
        });
    }

    private static (UserManager<PortalUser> Users, SmartCityIndexDbContext Context) Resolve(AsyncServiceScope scope) =>
        // The context Identity's store works through in this scope: changes and audit entries share its transaction.
        (scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>(), scope.ServiceProvider.GetRequiredService<SmartCityIndexDbContext>());

    private static UserAdministrationResult? CheckRole(string role, IReadOnlyCollection<int> cityIds)
    {
        if (!PortalRoles.All.Contains(role))
        {
            return UserAdministrationResult.Failed("UnknownRole", $"The role '{role}' does not exist; use {string.Join(", ", PortalRoles.All)}.");
        }

        return role == PortalRoles.Official && cityIds.Count == 0
            ? UserAdministrationResult.Failed("OfficialWithoutCity", "An official needs at least one city.")
            : null;
    }

    /// <summary>The cities for the role (none unless an official); null when an id does not exist.</summary>
    private static async Task<List<CityChoice>?> FindCitiesAsync(SmartCityIndexDbContext context, string role, IReadOnlyCollection<int> cityIds,
        CancellationToken cancellationToken)
    {
        if (role != PortalRoles.Official)
        {
            return [];
        }

        var ids = cityIds.Distinct().ToList();
        var cities = await context.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new CityChoice(c.Id, c.Code, c.NameEn, c.NameZh)).ToListAsync(cancellationToken);
        return cities.Count == ids.Count ? cities : null;
    }

    private static async Task<List<CityChoice>> CitiesOfAsync(SmartCityIndexDbContext context, PortalUser user, CancellationToken cancellationToken)
    {
        var ids = user.Cities.Select(c => c.CityId).ToList();
        return await context.Cities.AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Code)
            .Select(c => new CityChoice(c.Id, c.Code, c.NameEn, c.NameZh)).ToListAsync(cancellationToken);
    }

    private static string? MainRole(IEnumerable<string?> roles)
    {
        var held = roles.ToList();
        return PortalRoles.All.FirstOrDefault(held.Contains);
    }

    private static object Snapshot(PortalUser user, string? role, IEnumerable<CityChoice> cities) =>
        new { user.Email, user.DisplayName, Role = role, Cities = cities.Select(c => c.Code).ToArray(), user.IsDisabled };

    private static object State(PortalUser user) => new { user.IsDisabled, user.LockoutEnd, user.AccessFailedCount };

    private static string Codes(IdentityResult result) => string.Join(", ", result.Errors.Select(e => e.Code));

    private static UserAdministrationResult NotFound() =>
        UserAdministrationResult.Failed("UserNotFound", "This account does not exist any more; reload the list.");

    private static UserAdministrationResult UnknownCity() =>
        UserAdministrationResult.Failed("UnknownCity", "A chosen city does not exist any more; reload the list.");
}
