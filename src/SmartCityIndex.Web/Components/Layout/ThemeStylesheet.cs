using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Net.Http.Headers;
using MudBlazor;

namespace SmartCityIndex.Web.Components.Layout;

/// <summary>
/// The portal's MudBlazor theme (both palettes) as one cached stylesheet, <c>/theme.css</c>: the light palette on
/// <c>:root</c>, the dark one on <c>html.theme-dark</c>. A <c>MudThemeProvider</c> in the layout would build the same
/// 25 KB of CSS into every page and keep it in every circuit; here it is built once per process, cached by the browser,
/// and the dark theme is a class on the page (set from a cookie before the first paint, toggled by <c>app.js</c>).
/// </summary>
internal sealed partial class ThemeStylesheet(IServiceScopeFactory scopes, ILoggerFactory loggers)
{
    /// <summary>The cookie that remembers the dark theme ("dark"), written by <c>app.js</c>.</summary>
    public const string Cookie = "sci-theme";

    /// <summary>The class on <c>&lt;html&gt;</c> that selects the dark palette.</summary>
    public const string DarkClass = "theme-dark";

    private readonly Lazy<Task<(string Css, string Version)>> _built = new(() => BuildAsync(scopes, loggers));

    /// <summary>Whether the request asks for the dark theme.</summary>
    public static bool IsDark(HttpContext? context) => context?.Request.Cookies[Cookie] == "dark";

    /// <summary>A short hash of the stylesheet, for its URL, so that a changed theme is fetched afresh.</summary>
    public async Task<string> VersionAsync() => (await _built.Value).Version;

    /// <summary>The stylesheet's text.</summary>
    public async Task<string> CssAsync() => (await _built.Value).Css;

    private static async Task<(string, string)> BuildAsync(IServiceScopeFactory scopes, ILoggerFactory loggers)
    {
        // MudThemeProvider's own output, rendered outside any circuit, so that the CSS is exactly MudBlazor's.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggers);
        var light = await RenderAsync(renderer, dark: false);
        var dark = await RenderAsync(renderer, dark: true);

        var css = new StringBuilder()
            .AppendLine("/* The portal's MudBlazor theme: light on :root, dark on html.theme-dark (built by ThemeStylesheet). */")
            .AppendLine(light)
            .AppendLine(RootSelector().Replace(RootBlock().Match(dark).Value, $"html.{DarkClass}")) // only the variables differ
            .ToString();
        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(css)))[..12];
        return (css, version);
    }

    private static Task<string> RenderAsync(HtmlRenderer renderer, bool dark) => renderer.Dispatcher.InvokeAsync(async () =>
    {
        var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            [nameof(MudThemeProvider.Theme)] = PortalTheme.Theme,
            [nameof(MudThemeProvider.IsDarkMode)] = dark,
        });
        var html = (await renderer.RenderComponentAsync<MudThemeProvider>(parameters)).ToHtmlString();
        return StyleTags().Replace(html, string.Empty).Trim();
    });

    /// <summary>
    /// Serves the stylesheet, cached for a year (its URL carries the version); short-circuited past authentication,
    /// which would otherwise mark a signed-in user's response as not cacheable when it renews their cookie.
    /// </summary>
    public static IEndpointRouteBuilder MapThemeStylesheet(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/theme.css", async (ThemeStylesheet theme, HttpContext context) =>
        {
            context.Response.Headers[HeaderNames.CacheControl] = "public, max-age=31536000, immutable";
            return TypedResults.Text(await theme.CssAsync(), "text/css; charset=utf-8");
        }).ShortCircuit();
        return endpoints;
    }

    [GeneratedRegex("</?style[^>]*>")]
    private static partial Regex StyleTags();

    [GeneratedRegex(@":root(?=\s*\{)")]
    private static partial Regex RootSelector();

    [GeneratedRegex(@":root\s*\{[^}]*\}")]
    private static partial Regex RootBlock();
}
