using System.Net;
using System.Text.RegularExpressions;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>The change-password form over HTTP: the current password is checked with the sign-in's lockout.</summary>
public sealed partial class ChangePasswordTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    private const string NewPassword = "amber lantern quietly 4711";

    [Fact]
    public async Task Post_FiveWrongCurrentPasswords_LocksTheAccountAndEndsTheSession()
    {
        using var client = await SignIn.AsAsync(fixture.Factory, DemoAccounts.Evaluator);
        var answers = new List<string>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            answers.Add(await MessageOfAsync(await PostAsync(client, "not the current one 123", NewPassword)));
        }

        Assert.All(answers[..4], a => Assert.Equal("The current password is not correct.", a));
        Assert.Equal("Too many wrong passwords: the account is locked for 15 minutes and you have been signed out.", answers[4]);
        var after = await client.GetAsync("/account/password");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode); // signed out
        using var again = SignIn.Client(fixture.Factory);
        var signIn = await SignIn.PostAsync(again, DemoAccounts.Evaluator);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // refused while locked, even with the right password
        Assert.Contains("locked for 15 minutes", await signIn.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("en", "The current password is not correct.")]
    [InlineData("zh-Hans", "当前密码不正确。")]
    public async Task Post_WrongCurrentPassword_SaysSoInTheUsersLanguageAndKeepsThePassword(string culture, string message)
    {
        using var client = await SignIn.AsAsync(fixture.Factory, DemoAccounts.GuangdongOfficial);
        client.DefaultRequestHeaders.Add("Cookie", $".AspNetCore.Culture=c%3D{culture}%7Cuic%3D{culture}");

        var response = await PostAsync(client, "not the current one 123", NewPassword);
        var answer = await MessageOfAsync(response);

        Assert.Equal(message, answer);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("not the current one 123", html); // what was typed is not written back into the page
        Assert.DoesNotContain(NewPassword, html);
        using var check = SignIn.Client(fixture.Factory);
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostAsync(check, DemoAccounts.GuangdongOfficial)).StatusCode); // the old one still works
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string current, string next)
    {
        var page = await client.GetStringAsync("/account/password");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "change-password",
            ["__RequestVerificationToken"] = SignIn.TokenOf(page),
            ["Input.Current"] = current,
            ["Input.New"] = next,
            ["Input.Confirm"] = next,
        });
        return await client.PostAsync("/account/password", form);
    }

    private static async Task<string> MessageOfAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var match = Message().Match(html);
        Assert.True(match.Success, $"no message in the answer ({(int)response.StatusCode})");
        return System.Net.WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty)).Trim();
    }

    [GeneratedRegex("data-testid=\"password-message\"[^>]*>(.*?)</div>\\s*</div>", RegexOptions.Singleline)]
    private static partial Regex Message();
}
