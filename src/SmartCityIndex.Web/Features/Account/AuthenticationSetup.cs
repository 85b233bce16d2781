using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Cookie sign-in with ASP.NET Core Identity, its sessions kept on the server (<see cref="SessionStore"/>): a session
/// ends when its user signs out, after 30 minutes without a request or an input in an open page, and 8 hours after
/// sign-in, for every copy of its cookie and every open page; disabling an account ends its sessions at once, and a
/// change of roles or password within a minute (security stamp revalidation, for cookies and open pages alike).
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

    /// <summary>The session cookie's name.</summary>
    public const string CookieName = "sci.auth";

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
        {
            options.ValidationInterval = configuration.GetValue<int?>(RevalidationSecondsKey) is { } seconds and > 0
                ? TimeSpan.FromSeconds(seconds)
                : RevalidationInterval;
            options.OnRefreshingPrincipal = KeepSessionKeyAsync;
        });

        // Sessions on the server; the keys that protect cookies and tokens in the database, so that neither a restart
        // nor a new container signs anyone out or refuses the form they had open.
        services.AddSingleton<SessionStore>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((options, sessions) => options.SessionStore = sessions);
        services.AddDataProtection().SetApplicationName("SmartCityIndex").PersistKeysToDbContext<SmartCityIndexDbContext>();
        services.AddScoped<SessionActivity>();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = IdleTimeout;
            options.SlidingExpiration = true;
            options.Cookie.Name = CookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Events.OnValidatePrincipal = ValidatePrincipalAsync;
            // Redirects within the portal are relative: an absolute one would be built from the request's Host header,
            // which a client chooses (a forged Host would send the browser elsewhere, whatever AllowedHosts says).
            options.Events.OnRedirectToLogin = RedirectRelative(StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = RedirectRelative(StatusCodes.Status403Forbidden);
            options.Events.OnRedirectToLogout = RedirectRelative(null);
            options.Events.OnRedirectToReturnUrl = RedirectRelative(null);
        });

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Review, policy => policy.RequireRole(PortalRoles.Evaluator, PortalRoles.Admin))
            .AddPolicy(Policies.Enter, policy => policy.RequireRole(PortalRoles.Official))
            .AddPolicy(Policies.Administer, policy => policy.RequireRole(PortalRoles.Admin));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, LoggingAuthorizationResultHandler>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ReturnUrlCheck>();
        services.AddSingleton<SignInThrottle>();
        services.AddScoped<LoginViewModel>();
        services.AddScoped<ChangePasswordViewModel>();
        services.AddScoped<TwoFactorService>();
        services.AddScoped<TwoFactorLoginViewModel>();
        services.AddScoped<TwoFactorViewModel>();
        return services;
    }

    /// <summary>
    /// The security stamp check (a disabled account, changed roles or password end the session), which must not turn
    /// a database outage into a 500 on every page: then the session stands until the database is back.
    /// </summary>
    private static async Task ValidatePrincipalAsync(CookieValidatePrincipalContext context)
    {
        try
        {
            await SecurityStampValidator.ValidatePrincipalAsync(context);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            context.HttpContext.RequestServices.GetRequiredService<ILogger<SessionStore>>()
                .LogWarning("The database cannot be reached: the security stamp of {User} is checked later", context.Principal?.Identity?.Name);
        }
    }

    /// <summary>A redirect made relative; a script asking (X-Requested-With) gets the status and the address instead, as by default.</summary>
    private static Func<RedirectContext<CookieAuthenticationOptions>, Task> RedirectRelative(int? scriptStatus) => context =>
    {
        var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery + absolute.Fragment : context.RedirectUri;
        target = LocalUrl.Safe(target) ?? "/";
        if (context.Request.Headers.XRequestedWith == "XMLHttpRequest")
        {
            context.Response.Headers.Location = target;
            if (scriptStatus is { } status)
            {
                context.Response.StatusCode = status;
            }
        }
        else
        {
            context.Response.Redirect(target);
        }

        return Task.CompletedTask;
    };

    /// <summary>A refreshed user (roles, stamp) keeps the key of its session, which open pages check, and how it signed in.</summary>
    private static Task KeepSessionKeyAsync(SecurityStampRefreshingPrincipalContext context)
    {
        if (context.CurrentPrincipal?.FindFirst(SessionStore.SessionClaim) is { } key && context.NewPrincipal?.Identity is ClaimsIdentity identity)
        {
            identity.AddClaim(new Claim(SessionStore.SessionClaim, key.Value));
        }

        if (context.CurrentPrincipal is { } current && TwoFactorGate.UsedTwoFactors(current) && context.NewPrincipal?.Identity is ClaimsIdentity refreshed
            && !TwoFactorGate.UsedTwoFactors(context.NewPrincipal))
        {
            refreshed.AddClaim(TwoFactorGate.MultiFactor());
        }

        return Task.CompletedTask;
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
