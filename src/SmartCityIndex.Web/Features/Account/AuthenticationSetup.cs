using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Cookie sign-in with ASP.NET Core Identity: a session ends after 30 idle minutes and at most 8 hours after
/// sign-in; a disabled user or a change of roles ends open sessions within a minute (security stamp revalidation,
/// for cookies and for open Blazor circuits alike).
/// </summary>
public static class AuthenticationSetup
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteTimeout = TimeSpan.FromHours(8);
    public static readonly TimeSpan RevalidationInterval = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Overrides <see cref="RevalidationInterval"/> (in seconds) for cookies and circuits alike; tests set it to 1 so
    /// that they can see a disabled user's session end without waiting a minute.
    /// </summary>
    public const string RevalidationSecondsKey = "Identity:RevalidationSeconds";

    /// <summary>Where the time of the original sign-in is kept in the cookie (renewals keep it).</summary>
    public const string SignedInAtKey = "sci.signed-in-at";

    public static IServiceCollection AddPortalAuthentication(this IServiceCollection services)
    {
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddHttpContextAccessor();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        new IdentityBuilder(typeof(PortalUser), typeof(IdentityRole), services).AddSignInManager();

        services.AddOptions<SecurityStampValidatorOptions>().Configure<IConfiguration>((options, configuration) =>
            options.ValidationInterval = configuration.GetValue<int?>(RevalidationSecondsKey) is { } seconds and > 0
                ? TimeSpan.FromSeconds(seconds)
                : RevalidationInterval);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Cookie.Name = "sci.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Review, policy => policy.RequireRole(PortalRoles.Evaluator, PortalRoles.Admin))
            .AddPolicy(Policies.Enter, policy => policy.RequireRole(PortalRoles.Official))
            .AddPolicy(Policies.Administer, policy => policy.RequireRole(PortalRoles.Admin));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ReturnUrlCheck>();
        services.AddScoped<LoginViewModel>();
        services.AddScoped<ChangePasswordViewModel>();
        return services;
    }

    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        if (context.Properties.Items.TryGetValue(SignedInAtKey, out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var signedInAt)
            && DateTimeOffset.UtcNow - signedInAt > AbsoluteTimeout)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }

        await SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    /// <summary>Evaluators and admins: the review queue and decisions.</summary>
    public const string Review = "review";

    /// <summary>Officials: data entry for their cities.</summary>
    public const string Enter = "enter";

    /// <summary>Admins: users and framework.</summary>
    public const string Administer = "administer";
}

/// <summary>Logs every request that authorization refuses (who, what, from where), then lets the default handler answer.</summary>
internal sealed class LoggingAuthorizationResultHandler(ILogger<LoggingAuthorizationResultHandler> logger) : IAuthorizationMiddlewareResultHandler
{
    private readonly Microsoft.AspNetCore.Authorization.Policy.AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, Microsoft.AspNetCore.Authorization.Policy.PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            logger.LogWarning("Refused access to {Path} for {User} from {Address}", context.Request.Path,
                context.User.Identity?.Name, context.Connection.RemoteIpAddress);
        }

        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
