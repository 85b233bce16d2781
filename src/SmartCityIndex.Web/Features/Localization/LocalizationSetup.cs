using Microsoft.AspNetCore.Localization;
using MudBlazor;

namespace SmartCityIndex.Web.Features.Localization;

/// <summary>English and Simplified Chinese, chosen by the user and remembered in the culture cookie.</summary>
public static class LocalizationSetup
{
    public static readonly IReadOnlyList<(string Culture, string NativeName)> Languages =
    [
        ("en", "English"),
        ("zh-Hans", "简体中文"),
    ];

    public static IServiceCollection AddPortalLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, PortalMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = Languages.Select(l => new CultureInfo(l.Culture)).ToList();
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }

    /// <summary>
    /// <c>GET /culture?culture=zh-Hans&amp;redirectUri=/cities</c> stores the choice in the culture cookie for a
    /// year and goes back to the page (only local addresses are followed; without redirectUri, the referring page).
    /// </summary>
    public static IEndpointRouteBuilder MapCultureEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/culture", (string? culture, string? redirectUri, HttpContext context) =>
        {
            if (Languages.Any(l => l.Culture == culture))
            {
                context.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture!)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            }

            // Without a redirectUri (the language menu's plain links), back to the page the link was on.
            redirectUri ??= Uri.TryCreate(context.Request.Headers.Referer.ToString(), UriKind.Absolute, out var referer)
                && referer.Authority == context.Request.Host.Value ? referer.PathAndQuery : null;
            return TypedResults.LocalRedirect(LocalUrl.Safe(redirectUri) ?? "/");
        });
        return endpoints;
    }

    /// <summary>"Simplified Chinese is current" in the form used across the UI to pick a bilingual value.</summary>
    public static bool IsChinese(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);

    /// <summary>Picks the Chinese or English variant of a bilingual value for the current UI culture.</summary>
    public static string Pick(string english, string chinese) => IsChinese(CultureInfo.CurrentUICulture) ? chinese : english;
}
