using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>The portal with 120 cities and an official of all of them (what <c>sci seed</c> makes, smaller).</summary>
public sealed class ManyCitiesPortalFixture : SeededPortal
{
    public const int Cities = 120;

    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(SmartCityIndex.Infrastructure.Persistence.DatabaseProvider.Sqlite, cluster: null);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(new DemoSize(Cities, DemoSeeder.YearsOfData));
        await using var context = Factory.Database.CreateContext();
        var codes = context.Cities.Select(c => c.Code).ToList();
        await scope.ServiceProvider.GetRequiredService<AccountSeeder>()
            .EnsureUserAsync(DemoAccounts.AllCitiesOfficial, "Official of every city (demo)", PortalRoles.Official, codes, DemoAccounts.Password);
    }
}

/// <summary>"My submissions" for an official of many cities: what needs doing first, a filter, a search, pages.</summary>
public sealed class MySubmissionsAtScaleBrowserTests(ManyCitiesPortalFixture portal, BrowserFixture browser)
    : IClassFixture<ManyCitiesPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task MySubmissions_ManyCities_ListsReturnedFirstAndFiltersSearchesAndPages()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.AllCitiesOfficial, "/submissions");
        var rows = page.GetByTestId("due-table").Locator("tbody tr");

        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await Assertions.Expect(rows.First).ToContainTextAsync("Returned");
        await Assertions.Expect(page.GetByText($"1–50 of {ManyCitiesPortalFixture.Cities}")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "my-submissions-many-en");

        await page.GetByTestId("filter-Approved").ClickAsync();
        await Assertions.Expect(rows.First).ToContainTextAsync("Approved");
        var approved = await rows.CountAsync();
        for (var i = 0; i < approved; i++)
        {
            await Assertions.Expect(rows.Nth(i)).ToContainTextAsync("Approved");
        }

        await page.GetByTestId("filter-all").ClickAsync();
        await page.GetByTestId("search").FillAsync("SY-0007");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync("Synthetic city 0007");

        await page.GetByTestId("search").FillAsync(string.Empty);
        await Assertions.Expect(rows).ToHaveCountAsync(50);
        await page.Locator(".mud-pagination").GetByText("3", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(ManyCitiesPortalFixture.Cities - 100);
        await Assertions.Expect(page.GetByText($"101–{ManyCitiesPortalFixture.Cities} of {ManyCitiesPortalFixture.Cities}")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task MySubmissions_ManyCitiesInChinese_ReadsInChinese()
    {
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.AllCitiesOfficial, "/submissions", chinese: true);
        var rows = page.GetByTestId("due-table").Locator("tbody tr");

        await Assertions.Expect(rows.First).ToContainTextAsync("已退回");
        await Assertions.Expect(page.GetByText($"第 1–50 项，共 {ManyCitiesPortalFixture.Cities} 项")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("filter-all")).ToContainTextAsync($"全部 ({ManyCitiesPortalFixture.Cities})");
        await Screenshots.SaveAsync(page, "my-submissions-many-zh-Hans");
    }
}
