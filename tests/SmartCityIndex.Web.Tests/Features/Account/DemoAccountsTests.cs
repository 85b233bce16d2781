using System.Net;
using System.Text.RegularExpressions;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>What the demo gives a new user to try, over HTTP.</summary>
public sealed partial class DemoAccountsTests(SqlitePortalFixture fixture) : IClassFixture<SqlitePortalFixture>
{
    [GeneratedRegex("data-testid=\"due-CN-SZ-(\\d{4})\"(.*?)data-testid=\"open-CN-SZ", RegexOptions.Singleline)]
    private static partial Regex ShenzhenCard();

    [GeneratedRegex("(\\d+) of 30 values answered")]
    private static partial Regex Answered();

    [Fact]
    public async Task MySubmissions_GuangdongOfficial_HasADraftWithAFewValuesToTryInTheOpenYear()
    {
        using var client = await SignIn.AsAsync(fixture.Factory, DemoAccounts.GuangdongOfficial);

        var response = await client.GetAsync("/submissions");
        var card = ShenzhenCard().Match(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(card.Success, "no card for Shenzhen");
        Assert.Equal(DateTime.UtcNow.Year - 1, int.Parse(card.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("status-Draft", card.Groups[2].Value);
        var answered = int.Parse(Answered().Match(card.Groups[2].Value).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(answered, 2, 12);
        Assert.Contains("Continue", await OpenButtonAsync(client));
    }

    private static async Task<string> OpenButtonAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/submissions");
        var at = html.IndexOf("data-testid=\"open-CN-SZ", StringComparison.Ordinal);
        return html[at..html.IndexOf("</a>", at, StringComparison.Ordinal)];
    }
}
