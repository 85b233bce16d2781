using System.Security.Claims;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Two-factor sign-in required for admins when the portal is so configured (<see cref="RequireForAdminsKey"/>): an
/// admin whose session was opened with the password alone can open only the two-factor page (to set it up), sign out
/// and change language; every other page, download and circuit sends them there, and the refusal is logged.
/// </summary>
/// <remarks>
/// A circuit is started only from a page the gate let through, and the two-factor page is static, so the gate on
/// requests covers the interactive pages too. Turning the setting on takes effect at an admin's next request.
/// </remarks>
public sealed class TwoFactorGate(RequestDelegate next, IConfiguration configuration, ILogger<TwoFactorGate> logger)
{
    /// <summary>The setting (true/false, default false): admins must sign in with two factors.</summary>
    public const string RequireForAdminsKey = "Identity:RequireTwoFactorForAdmins";

    /// <summary>The claim type for the methods of authentication (RFC 8176), as Identity writes it.</summary>
    public const string MethodsClaim = "amr";

    /// <summary>The value for "more than one factor" (RFC 8176).</summary>
    public const string MultiFactorValue = "mfa";

    /// <summary>The page where two-factor sign-in is set up.</summary>
    public const string SetupPath = "/account/two-factor";

    private static readonly string[] s_open = [SetupPath, "/account/logout", "/account/login", "/not-found", "/error"];

    /// <summary>The claim a session opened with two factors carries.</summary>
    public static Claim MultiFactor() => new(MethodsClaim, MultiFactorValue);

    /// <summary>Whether the session was opened with two factors.</summary>
    public static bool UsedTwoFactors(ClaimsPrincipal user) => user.HasClaim(MethodsClaim, MultiFactorValue);

    /// <summary>Whether <paramref name="user"/> must set up two-factor sign-in before anything else.</summary>
    public static bool MustSetUp(ClaimsPrincipal user, IConfiguration configuration) =>
        user.Identity?.IsAuthenticated == true && user.IsInRole(PortalRoles.Admin) && !UsedTwoFactors(user)
        && configuration.GetValue<bool>(RequireForAdminsKey);

    // Pages, endpoints that ask for a signed-in user (downloads), and the circuits' hub; not static files or health.
    private static bool IsGuarded(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/_blazor")
        || context.GetEndpoint()?.Metadata is { } metadata
           && (metadata.GetMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>() is not null
               || metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null);

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (!MustSetUp(context.User, configuration) || !IsGuarded(context) || s_open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            return next(context);
        }

        logger.LogWarning("Sent admin {User} from {Path} to set up two-factor sign-in (required for admins), from {Address}",
            context.User.Identity?.Name, path, context.Connection.RemoteIpAddress);
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        context.Response.Redirect(SetupPath);
        return Task.CompletedTask;
    }
}
