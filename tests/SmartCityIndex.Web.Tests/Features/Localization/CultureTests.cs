using System.Net;

namespace SmartCityIndex.Web.Tests.Features.Localization;

public sealed class CultureTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    [Fact]
    public async Task Culture_ChineseChosen_SetsCookieAndRedirectsBack()
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync("/culture?culture=zh-Hans&redirectUri=%2Fcities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/cities", response.Headers.Location?.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith(".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans", cookie);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    public async Task Culture_ForeignRedirect_GoesHomeInstead(string redirectUri)
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync($"/culture?culture=en&redirectUri={Uri.EscapeDataString(redirectUri)}");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Culture_UnsupportedCulture_SetsNoCookie()
    {
        using var client = portal.CreateClient();

        var response = await client.GetAsync("/culture?culture=fr&redirectUri=%2F");

        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Get_SignInWithChineseCookie_ShowsChineseTexts()
    {
        using var client = portal.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans");

        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();

        Assert.Contains("<html lang=\"zh-Hans\">", html);
        Assert.Matches("<h1[^>]*>登录</h1>", html);
        Assert.Contains("演示账户", html);
        Assert.Contains("评估人员", html);
    }
}
