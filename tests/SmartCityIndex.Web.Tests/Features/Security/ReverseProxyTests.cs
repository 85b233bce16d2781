using System.Net;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Security;

namespace SmartCityIndex.Web.Tests.Features.Security;

/// <summary>
/// Behind a reverse proxy the sign-in throttle counts per client, from X-Forwarded-For, but only when the proxy is
/// named; otherwise the header, which anyone can send, changes nothing. The portal on Kestrel, reached over loopback.
/// </summary>
public sealed class ReverseProxyTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task SignIn_TwentyFailuresForwardedForOneClient_OnlyThatClientWaitsWhenTheProxyIsKnown(bool proxyKnown)
    {
        await using var database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
        await using var factory = new PortalFactory(database, settings: new Dictionary<string, string?>
        {
            [$"{ReverseProxy.KnownProxiesKey}:0"] = proxyKnown ? "127.0.0.1" : null,
        });
        var address = await factory.StartOnKestrelAsync();

        for (var guess = 1; guess <= SignInThrottle.MaxFailuresPerAddress; guess++)
        {
            await SignInFromAsync(address, "198.51.100.20", $"guess{guess}@sci.demo", "not the right passphrase");
        }

        var sameClient = await SignInFromAsync(address, "198.51.100.20", DemoAccounts.Evaluator, DemoAccounts.Password);
        var otherClient = await SignInFromAsync(address, "198.51.100.21", DemoAccounts.Evaluator, DemoAccounts.Password);

        Assert.Equal(HttpStatusCode.OK, sameClient.StatusCode); // refused: the form again, with the throttle's message
        Assert.Contains("Too many failed sign-ins from your network", await sameClient.Content.ReadAsStringAsync());
        // Known proxy: another client signs in. Unknown proxy: the header is not believed, every request is the proxy's.
        Assert.Equal(proxyKnown ? HttpStatusCode.Redirect : HttpStatusCode.OK, otherClient.StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInFromAsync(Uri portal, string client, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = portal };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", client);
        http.DefaultRequestHeaders.Add("Accept-Language", "en");
        return await SignIn.PostAsync(http, email, password);
    }
}
