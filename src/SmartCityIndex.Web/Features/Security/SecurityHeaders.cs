namespace SmartCityIndex.Web.Features.Security;

/// <summary>
/// The response headers every answer carries. The Content-Security-Policy lets scripts come from the portal's own
/// files only (no inline script, no eval: Blazor Server, MudBlazor and app.js need neither), its circuit connect back
/// to the portal, and nothing frame it; styles may be inline because MudBlazor sets style attributes. Kestrel's
/// <c>Server</c> header is off (<see cref="DependencyInjection"/>).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";
            return Task.CompletedTask;
        });
        await next(context);
    });
}
