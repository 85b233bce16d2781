using Microsoft.Playwright;
using SmartCityIndex.Infrastructure.Identity;

namespace SmartCityIndex.Load;

/// <summary>
/// Managed heap per circuit: open N pages of one kind in headless Chromium (one circuit each), wait until every one
/// is interactive, force full blocking compacting collections in the portal's process and read the heap; the same with
/// no page open; the difference divided by N is what a circuit with that page costs.
/// </summary>
internal static class CircuitMemory
{
    public static async Task RunAsync(Uri address, IReadOnlyList<int> counts, string chromium, string? only = null)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-extensions", "--disable-dev-shm-usage"],
        });
        var year = DateTime.UtcNow.Year - 1; // the open year; the year before it is the newest scored
        var scored = year - 1;
        (string What, string User, Func<int, string> Path, string ReadySelector)[] pages =
        [
            ("layout only (the not-found page)", DemoAccounts.HangzhouOfficial, _ => "/not-found", "[data-testid='circuit-ready']"),
            ("entry form (30 indicators)", DemoAccounts.AllCitiesOfficial, n => $"/submissions/SY-{n + 1:D4}/{year}", "[data-testid='value']:not([disabled])"),
            ("entry form, an official of one city", DemoAccounts.HangzhouOfficial, _ => $"/submissions/CN-HZ/{year}", "[data-testid='value']:not([disabled])"),
            ("My submissions (1,000 cities)", DemoAccounts.AllCitiesOfficial, _ => "/submissions", "[data-testid='circuit-ready']"),
            ("framework overview (light page)", DemoAccounts.Evaluator, _ => "/framework", "[data-testid='circuit-ready']"),
            ("city profile (radar and trend charts)", DemoAccounts.Evaluator, n => $"/rankings/SY-{n + 1:D4}?year={scored}", "[data-testid='circuit-ready']"),
            ("compare, 3 cities (radar and trend charts)", DemoAccounts.Evaluator,
                n => $"/compare?cities=SY-{n + 1:D4},SY-{n + 201:D4},SY-{n + 401:D4}&year={scored}", "[data-testid='circuit-ready']"),
            ("rankings, 1,000 cities (100 rows in the page)", DemoAccounts.Evaluator, _ => $"/rankings?year={scored}", "[data-testid='circuit-ready']"),
        ];

        foreach (var (what, user, path, ready) in pages.Where(p => only is null || p.What.StartsWith(only, StringComparison.Ordinal)))
        {
            var context = await browser.NewContextAsync();
            await SignInAsync(context, address, user);

            // Warm-up: one page opened and closed, so that what is cached once per process is not counted per circuit.
            var warm = await OpenAsync(context, address, path(0), ready);
            await warm.CloseAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));

            foreach (var count in counts)
            {
                var before = Heap();
                var open = new List<IPage>();
                for (var i = 0; i < count; i++)
                {
                    open.Add(await OpenAsync(context, address, path(i), ready));
                }

                var after = Heap();
                Console.WriteLine($"circuit memory, {what}: {count} pages open: heap {before / 1024.0:F0} KB -> {after / 1024.0:F0} KB, " +
                    $"{(after - before) / 1024.0 / count:F0} KB per circuit");
                foreach (var page in open)
                {
                    await page.CloseAsync();
                }

                await Task.Delay(TimeSpan.FromSeconds(2)); // closed tabs end their circuits
            }

            await context.CloseAsync();
        }
    }

    private static async Task<IPage> OpenAsync(IBrowserContext context, Uri address, string path, string ready)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(address, path).ToString());
        await page.Locator(ready).First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        return page;
    }

    private static async Task SignInAsync(IBrowserContext context, Uri address, string email)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(address, "/account/login").ToString());
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(DemoAccounts.Password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    /// <summary>The managed heap after full, blocking, compacting collections (twice, to run finalisers' leftovers too).</summary>
    private static long Heap()
    {
        for (var i = 0; i < 2; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
