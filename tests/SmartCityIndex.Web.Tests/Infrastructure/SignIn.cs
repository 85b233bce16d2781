using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>Signs in through the real sign-in form (antiforgery token and all), as a browser would.</summary>
internal static partial class SignIn
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>The antiforgery token of the (first) form in <paramref name="html"/>.</summary>
    public static string TokenOf(string html) => WebUtility.HtmlDecode(Token().Match(html).Groups[1].Value);

    /// <summary>An in-memory client of <paramref name="factory"/> that keeps cookies and does not follow redirects.</summary>
    public static HttpClient Client(PortalFactory factory) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts the sign-in form; returns the response (a redirect on success).</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string email, string password = DemoAccounts.Password, string? returnUrl = null)
    {
        var address = returnUrl is null ? "/account/login" : $"/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var page = await client.GetStringAsync(address);
        var token = TokenOf(page);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        return await client.PostAsync(address, form);
    }

    /// <summary>Signs in and returns the session cookie (name=value) that the portal set.</summary>
    public static async Task<string> CookieAsync(HttpClient client, string email)
    {
        using var response = await PostAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("sci.auth=", StringComparison.Ordinal));
        return setCookie[..setCookie.IndexOf(';', StringComparison.Ordinal)];
    }

    /// <summary>Another client, without a cookie jar, that sends <paramref name="cookie"/>: what a stolen copy would do.</summary>
    public static HttpClient CopyWith(PortalFactory factory, string cookie)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    /// <summary>A client signed in as <paramref name="email"/>; fails the test when the sign-in does not succeed.</summary>
    public static async Task<HttpClient> AsAsync(PortalFactory factory, string email)
    {
        var client = Client(factory);
        var response = await PostAsync(client, email);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"signing in as {email} answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return client;
    }
}
