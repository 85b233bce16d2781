using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using SmartCityIndex.Infrastructure.Identity;

namespace SmartCityIndex.Load;

/// <summary>
/// The first render of a page: a signed-in GET of the page, which the portal answers with the page fully rendered on
/// the server (prerendering, with its data) before any circuit exists. Sequential requests on loopback, after a warm-up,
/// so the figure is the server's time plus well under a millisecond of loopback.
/// </summary>
internal static partial class FirstRender
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    /// <summary>
    /// Requests of each page before it is timed. Five were too few: the first page timed after a page of its own kind
    /// still ran half-optimised code while the JIT recompiled it, and the review queue measured 120 or 225 ms on the same
    /// build depending on the order of the pages.
    /// </summary>
    private const int Warmups = 40;

    public static async Task RunAsync(Uri address, int runs)
    {
        (string User, string Path, string What)[] pages =
        [
            (DemoAccounts.AllCitiesOfficial, "/submissions", "My submissions of an official of every city"),
            (DemoAccounts.Evaluator, "/review", "review queue, submitted (default filter)"),
            (DemoAccounts.Evaluator, "/review?status=Approved", "review queue, approved"),
            (DemoAccounts.Evaluator, $"/rankings?year={DateTime.UtcNow.Year - 2}", "rankings, 1,000 cities ranked"),
            (DemoAccounts.Evaluator, $"/rankings/SY-0500?year={DateTime.UtcNow.Year - 2}", "city profile, one of 1,000 cities, 5 years"),
            (DemoAccounts.HangzhouOfficial, "/submissions/CN-HZ/" + (DateTime.UtcNow.Year - 1), "entry form, 30 indicators"),
        ];
        foreach (var (user, path, what) in pages)
        {
            using var client = await SignInAsync(address, user);
            var bytes = 0;
            for (var i = 0; i < Warmups; i++)
            {
                bytes = (await GetAsync(client, path)).Length; // warm-up: tiered JIT (a method is recompiled optimised after 30 calls), EF Core's compiled queries, pools
            }

            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                await GetAsync(client, path);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine($"first render {path} ({what}, {bytes / 1024} KB of HTML): {Percentiles.Of(times)}");
        }
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{path} answered {response.StatusCode}");
        }

        return body;
    }

    public static async Task<HttpClient> SignInAsync(Uri address, string email)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = address };
        var page = await client.GetStringAsync("/account/login");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(page).Groups[1].Value),
            ["Input.Email"] = email,
            ["Input.Password"] = DemoAccounts.Password,
        });
        using var response = await client.PostAsync("/account/login", form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Could not sign in as {email}: run sci seed first.");
        }

        return client;
    }
}
