using System.Net;
using System.Text.RegularExpressions;

namespace SmartCityIndex.Web.Tests.Components;

public sealed partial class ThemeStylesheetTests
{
    [Fact]
    public async Task Get_ThemeCss_HoldsBothPalettesAndIsCachedByItsVersion()
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database);
        using var client = await SignIn.AsAsync(factory, DemoAccounts.Evaluator);

        var page = await client.GetStringAsync("/cities");
        var href = StylesheetLink().Match(page);
        Assert.True(href.Success, "the page links theme.css with a version");
        Assert.DoesNotContain("mud-theme-provider", page); // the theme's 25 KB are no longer in every page

        var response = await client.GetAsync(href.Groups[1].Value);
        var css = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        // The portal's own colours: light background #f5f7fa on :root, dark #121820 on html.theme-dark.
        Assert.Matches(@":root\s*\{[^}]*--mud-palette-background:\s*rgba\(245,247,250,1\)", css);
        Assert.Matches(@"html\.theme-dark\s*\{[^}]*--mud-palette-background:\s*rgba\(18,24,32,1\)", css);
        Assert.Contains("Noto Sans SC", css);
        Assert.DoesNotContain("<style", css);
        Assert.Single(Regex.Matches(css, "::-webkit-scrollbar-thumb:hover")); // the dark theme adds only its variables
    }

    [Theory]
    [InlineData("dark", true)]
    [InlineData("light", false)]
    public async Task Get_PageWithThemeCookie_RendersTheThemeClassOnTheServer(string cookie, bool dark)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database, seedDemoData: false);
        using var client = factory.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", $"sci-theme={cookie}");

        var page = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Equal(dark, HtmlTag().Match(page).Value.Contains("theme-dark", StringComparison.Ordinal));
    }

    [GeneratedRegex("<link href=\"(theme\\.css\\?v=[0-9a-f]{12})\" rel=\"stylesheet\"")]
    private static partial Regex StylesheetLink();

    [GeneratedRegex("<html[^>]*>")]
    private static partial Regex HtmlTag();
}
