using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Who is asking, for the feature services' access checks: the user's id and name, role, and (for officials) the
/// cities they are assigned to. Resolved once per circuit or request.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authentication, IDbContextFactory<SmartCityIndexDbContext> contextFactory)
{
    private Access? _access;

    /// <summary>The caller's access, loaded on first use.</summary>
    public async Task<Access> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_access is not null)
        {
            return _access;
        }

        var principal = (await authentication.GetAuthenticationStateAsync()).User;
        _access = await Access.ForAsync(principal, contextFactory, cancellationToken);
        return _access;
    }
}

/// <summary>What one user may see: everything (evaluators and admins) or their own cities (officials).</summary>
public sealed record Access(string? UserId, string UserName, bool IsAdmin, bool IsEvaluator, bool IsOfficial, IReadOnlySet<int> CityIds)
{
    /// <summary>Nobody signed in: no access at all.</summary>
    public static readonly Access Anonymous = new(null, "anonymous", false, false, false, new HashSet<int>());

    /// <summary>Evaluators and admins see every city.</summary>
    public bool SeesAllCities => IsAdmin || IsEvaluator;

    /// <summary>May this user see (and, as an official, edit) the city?</summary>
    public bool CanSee(int cityId) => SeesAllCities || (IsOfficial && CityIds.Contains(cityId));

    /// <summary>Reads the roles from the principal and the city assignments from the database.</summary>
    public static async Task<Access> ForAsync(ClaimsPrincipal principal, IDbContextFactory<SmartCityIndexDbContext> contextFactory, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (principal.Identity?.IsAuthenticated != true || userId is null)
        {
            return Anonymous;
        }

        var isOfficial = principal.IsInRole(PortalRoles.Official);
        var cities = new HashSet<int>();
        if (isOfficial)
        {
            await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
            cities = [.. await context.UserCities.Where(c => c.UserId == userId).Select(c => c.CityId).ToListAsync(cancellationToken)];
        }

        return new Access(userId, principal.Identity.Name ?? userId, principal.IsInRole(PortalRoles.Admin), principal.IsInRole(PortalRoles.Evaluator), isOfficial, cities);
    }
}
