using System.Net;
using SmartCityIndex.Web.Features.Security;

namespace SmartCityIndex.Web.Tests.Features.Security;

/// <summary>The headers of every kind of answer, from the portal served on Kestrel as in production.</summary>
public sealed class SecurityHeadersTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    [Theory]
    [InlineData("/account/login", HttpStatusCode.OK)]
    [InlineData("/rankings", HttpStatusCode.Redirect)]
    [InlineData("/no-such-page", HttpStatusCode.NotFound)]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/_framework/blazor.web.js", HttpStatusCode.OK)]
    [InlineData("/app.js", HttpStatusCode.OK)]
    [InlineData("/culture?culture=zh-Hans&redirectUri=/", HttpStatusCode.Redirect)]
    public async Task Get_AnyAnswer_CarriesThePolicyHeadersAndNoServerName(string path, HttpStatusCode status)
    {
        using var client = portal.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("same-origin", Header(response, "Referrer-Policy"));
        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public void ContentSecurityPolicy_Scripts_OnlyFromThePortalWithNoInlineScriptOrEval()
    {
        var directives = SecurityHeaders.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries)
            .ToDictionary(d => d.Split(' ')[0], d => d.Split(' ').Skip(1).ToArray());

        Assert.Equal(["'self'"], directives["script-src"]);
        Assert.Equal(["'none'"], directives["frame-ancestors"]);
        Assert.Equal(["'none'"], directives["object-src"]);
        Assert.DoesNotContain(directives.Values.SelectMany(v => v), v => v is "'unsafe-eval'" or "*" or "http:" or "https:");
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
