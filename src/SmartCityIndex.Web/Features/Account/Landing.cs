using System.Security.Claims;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Where a user starts, after signing in and on "/": the page of their daily work. An admin starts on the users
/// page, the one page only an admin can use (accounts, roles and cities are the admin's own task; the framework and
/// the review queue are a click away in the menu); an evaluator on the review queue; an official on "My
/// submissions". Anyone else (a role added later) on the framework page, which everyone may read.
/// </summary>
public static class Landing
{
    public const string Framework = "/framework";

    public static string PathFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.IsInRole(PortalRoles.Admin) ? "/admin/users"
            : user.IsInRole(PortalRoles.Evaluator) ? "/review"
            : user.IsInRole(PortalRoles.Official) ? "/submissions"
            : Framework;
    }
}
