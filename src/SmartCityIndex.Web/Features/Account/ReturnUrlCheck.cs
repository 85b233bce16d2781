using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing.Template;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Whether a user may open the page behind a local address, by the same authorization metadata that the page's
/// endpoint carries. The sign-in page follows a return address only when they may: after a change of role the
/// address of the old role's page (kept when the session ended) would only lead to "access denied".
/// </summary>
public sealed class ReturnUrlCheck(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string localUrl)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrEmpty(localUrl);
        var path = new PathString(localUrl.Split('?', '#')[0]);
        var matched = false;
        // Only the portal's pages (Razor components), and no catch-all route: those would answer any address.
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is not null && !e.RoutePattern.Parameters.Any(p => p.IsCatchAll)))
        {
            var matcher = new TemplateMatcher(new RouteTemplate(endpoint.RoutePattern), []);
            if (!matcher.TryMatch(path, []))
            {
                continue;
            }

            matched = true;
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
            {
                return true;
            }

            var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>());
            if (policy is null || (await authorization.AuthorizeAsync(user, resource: null, policy)).Succeeded)
            {
                return true;
            }
        }

        // An address that no page answers leads to "not found", which says nothing to anyone.
        return !matched;
    }
}
