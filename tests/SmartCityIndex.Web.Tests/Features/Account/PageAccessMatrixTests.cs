using System.Net;
using SmartCityIndex.Domain.Periods;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// Every page and endpoint of the portal, fetched over HTTP by each kind of user: nobody signed in, Hangzhou's
/// official, an official of other cities (Guangzhou and Shenzhen), an evaluator and an admin. The answer is the
/// one the issue specifies, and a refused official learns nothing about the city.
/// </summary>
public sealed class PageAccessMatrixTests(SeededPortalFixture portal) : IClassFixture<SeededPortalFixture>
{
    public enum Outcome
    {
        /// <summary>200 with the page's own content.</summary>
        Shown,

        /// <summary>A redirect to the sign-in page.</summary>
        SignIn,

        /// <summary>A redirect to the "access denied" page: the role may not use the page at all.</summary>
        Denied,

        /// <summary>A redirect to the user's own start page (<c>Landing</c>).</summary>
        Lands,

        /// <summary>The page says there is no such submission (an official of another city), or the endpoint answers 404.</summary>
        NotFound,
    }

    public const string Anonymous = "(nobody)";
    private const string Hz = DemoAccounts.HangzhouOfficial;
    private const string Other = DemoAccounts.GuangdongOfficial;
    private const string Ev = DemoAccounts.Evaluator;
    private const string Ad = DemoAccounts.Admin;

    /// <summary>(path, user, outcome, what the page shows when it is shown). {year} is the open year, {id} Hangzhou's submission in it.</summary>
    public static TheoryData<string, string, Outcome, string> Matrix()
    {
        var data = new TheoryData<string, string, Outcome, string>();
        void Row(string path, string shown, Outcome anonymous, Outcome hangzhou, Outcome other, Outcome evaluator, Outcome admin)
        {
            data.Add(path, Anonymous, anonymous, shown);
            data.Add(path, Hz, hangzhou, shown);
            data.Add(path, Other, other, shown);
            data.Add(path, Ev, evaluator, shown);
            data.Add(path, Ad, admin, shown);
        }

        const Outcome S = Outcome.Shown, L = Outcome.SignIn, D = Outcome.Denied, N = Outcome.NotFound, H = Outcome.Lands;
        Row("/", "", L, H, H, H, H);
        Row("/framework", "INF01", L, S, S, S, S);
        Row("/cities", "Hangzhou", L, S, S, S, S);
        Row("/rankings", "Rankings", L, S, S, S, S);
        Row("/method", "How the ranking is calculated", L, S, S, S, S);
        Row("/rankings/CN-HZ?year={last}", "Hangzhou", L, S, N, S, S);
        Row("/compare?cities=CN-HZ,CN-SZ&year={last}", "Hangzhou", L, D, D, S, S);
        Row("/account/password", "Change password", L, S, S, S, S);
        Row("/account/two-factor", "Two-factor sign-in is off.", L, S, S, S, S);
        Row("/submissions", "My submissions", L, S, S, D, D);
        Row("/submissions/CN-HZ/{year}", "Hangzhou · {year} data", L, S, N, D, D);
        Row("/submissions/CN-HZ/{year}/history", "Hangzhou · {year}", L, S, N, S, S);
        Row("/submissions/CN-HZ/{year}/template.csv", "code,indicator,unit,value", L, S, N, D, D);
        Row("/submissions/CN-HZ/{year}/template.xlsx", "PK", L, S, N, D, D);
        Row("/review", "Review queue", L, D, D, S, S);
        Row("/review/{id}", "Hangzhou", L, D, D, S, S);
        Row("/admin/users", "official.guangdong@sci.demo", L, D, D, D, S);
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Get_PageAsUser_AnswersAsSpecified(string path, string user, Outcome expected, string shown)
    {
        var (year, id) = await HangzhouSubmissionAsync();
        path = path.Replace("{year}", year.ToString()).Replace("{last}", (year - 1).ToString()).Replace("{id}", id.ToString());
        shown = shown.Replace("{year}", year.ToString());
        using var client = await ClientAsync(user);

        if (path.StartsWith("/rankings", StringComparison.Ordinal) || path.StartsWith("/compare", StringComparison.Ordinal) || path.StartsWith("/method", StringComparison.Ordinal))
        {
            await ScoreRuns.DoneAsync(portal.Factory.Services); // the portal scores every period in the background at start-up
        }

        var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        var location = response.Headers.Location?.ToString() ?? string.Empty;

        switch (expected)
        {
            case Outcome.Shown:
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.Contains(shown, body);
                Assert.DoesNotContain("You are not allowed", body);
                Assert.DoesNotContain("There is no such submission", body);
                break;
            case Outcome.SignIn:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/login?ReturnUrl=", location);
                break;
            case Outcome.Denied:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.Contains("/account/access-denied", location);
                break;
            case Outcome.Lands:
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Assert.EndsWith(user switch { Ev => "/review", Ad => "/admin/users", _ => "/submissions" }, location);
                break;
            case Outcome.NotFound:
                Assert.True(
                    response.StatusCode == HttpStatusCode.NotFound || body.Contains("There is no such submission, or it is not one of your cities")
                        || body.Contains("There is no ranked city with this code that you may see"),
                    $"{path} as {user}: {response.StatusCode}");
                break;
        }

        if (expected != Outcome.Shown)
        {
            // Nothing of Hangzhou's data leaks into a refusal: not its name, not its values.
            Assert.DoesNotContain("Hangzhou", body);
            Assert.DoesNotContain("杭州", body);
            Assert.DoesNotContain("code,indicator,unit", body);
        }
    }

    [Fact]
    public void Matrix_CoversEveryRoutedPageOfThePortal()
    {
        var routed = typeof(Program).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes(typeof(Microsoft.AspNetCore.Components.RouteAttribute), inherit: false))
            .Cast<Microsoft.AspNetCore.Components.RouteAttribute>()
            .Select(r => r.Template.Replace("{CityCode}", "CN-HZ").Replace("{Year:int}", "{year}").Replace("{SubmissionId:int}", "{id}"))
            .ToHashSet();
        var covered = Matrix().Select(row => ((string)row[0]).Split('?')[0]).ToHashSet();

        // Pages that everyone may see, signed in or not; the code step sends whoever is not half signed in to the sign-in
        // page (TwoFactorTests.LoginCode_NobodyHalfSignedIn_GoesToTheSignIn).
        string[] open = ["/account/login", "/account/login/code", "/account/access-denied", "/not-found", "/error"];

        Assert.Empty(routed.Except(covered).Except(open));
    }


    private async Task<HttpClient> ClientAsync(string user)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = portal.BaseAddress };
        if (user != Anonymous)
        {
            var response = await SignIn.PostAsync(client, user);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return client;
    }

    private Task<(int Year, int Id)> HangzhouSubmissionAsync() => DemoSubmissions.InNewestOpenYearAsync(portal.Factory.Database, "CN-HZ");
}
