using System.Net;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// Addresses typed, truncated or forged: a query value that is not what a page expects shows the page as without it
/// (never 500), and a return address that is not a plain local one leads to the default page.
/// </summary>
public sealed class BadQueryValueTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("/rankings?year={0}", "rankings-summary")]
    [InlineData("/rankings?year=2024&desc={0}", "rankings-summary")]
    [InlineData("/rankings/CN-GZ?year={0}", "profile-composite")]
    [InlineData("/method?year={0}", "run-identity")]
    [InlineData("/compare?cities=CN-GZ,CN-CD&year={0}", "compare-composite")]
    [InlineData("/review?period={0}", "queue-summary")]
    public async Task Get_PageWithAValueThatIsNotANumber_ShowsThePageAsWithoutIt(string address, string shown)
    {
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.Evaluator);
        var plain = await client.GetStringAsync(address.Replace("year={0}", "", StringComparison.Ordinal)
            .Replace("&desc={0}", "", StringComparison.Ordinal).Replace("period={0}", "", StringComparison.Ordinal));

        foreach (var value in new[] { "abc", "1e3", "99999999999999999999", "-1", "2024.0", "%27%20OR%201%3D1--", "%3Cscript%3E" })
        {
            var response = await client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, address, value));
            var html = await response.Content.ReadAsStringAsync();

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{address} with {value} answered {(int)response.StatusCode}");
            Assert.DoesNotContain("<script>", html);
            Assert.Equal(Shown(plain, shown), Shown(html, shown));
        }
    }

    [Theory]
    [InlineData("/%09x")]
    [InlineData("/%0Ax")]
    [InlineData("/%0D%0ASet-Cookie:%20a=b")]
    [InlineData("/%00")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    public async Task Culture_RedirectThatIsNotAPlainLocalAddress_GoesHome(string redirect)
    {
        using var client = SignIn.Client(portal.Factory);

        var response = await client.GetAsync($"/culture?culture=zh-Hans&redirectUri={redirect}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/%E3%80%82", "/%E3%80%82")]
    [InlineData("/rankings?q=%E6%9D%AD%E5%B7%9E", "/rankings?q=%E6%9D%AD%E5%B7%9E")]
    [InlineData("/rankings?q=a%20b", "/rankings?q=a%20b")]
    public async Task Culture_RedirectWithCharactersOutsideAscii_FollowsThemEncoded(string redirect, string location)
    {
        using var client = SignIn.Client(portal.Factory);

        var response = await client.GetAsync($"/culture?culture=en&redirectUri={redirect}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(location, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/。", "/%E3%80%82")]
    [InlineData("/rankings?q=杭州", "/rankings?q=%E6%9D%AD%E5%B7%9E")]
    [InlineData("/\tx", "/review")]
    [InlineData("//evil.example", "/review")]
    public async Task SignIn_ReturnAddressOutsideAsciiOrNotLocal_IsEncodedOrReplacedByTheLandingPage(string returnUrl, string location)
    {
        using var client = SignIn.Client(portal.Factory);

        var response = await SignIn.PostAsync(client, DemoAccounts.Evaluator, returnUrl: returnUrl);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var target = new Uri(new Uri("http://localhost/"), response.Headers.Location!);
        Assert.Equal("localhost", target.Host);
        Assert.Equal(location, target.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped));
    }

    /// <summary>
    /// What the page shows: its heading, the year tab it marks as current, and the text of the element with
    /// <paramref name="testId"/> (the year and count of the ranking, the city's score, the run, the queue's counts).
    /// </summary>
    private static string Shown(string html, string testId)
    {
        static string Text(string html, string marker, int length)
        {
            var start = html.IndexOf(marker, StringComparison.Ordinal);
            Assert.True(start >= 0, $"{marker} is not in the page");
            var part = html.Substring(start, Math.Min(length, html.Length - start));
            return System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(part, "<[^>]+>", " "), @"\s+", " ");
        }

        var tab = html.Contains("year-tab active", StringComparison.Ordinal) ? Text(html, "year-tab active", 120) : string.Empty;
        return $"{Text(html, "<h1", 200)} | {tab} | {Text(html, $"data-testid=\"{testId}\"", 400)}";
    }
}
