namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>An evaluator reads the rankings, as the issue describes it.</summary>
public sealed class RankingsBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Rankings_SortedByACategoryAndSearched_ShowsTheCitiesInThatOrder()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings");
        var rows = page.GetByTestId("rank-row");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Rankings", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("provisional")).ToContainTextAsync("have no approved data for this year yet");
        await Assertions.Expect(rows.First.Locator("td.rank")).ToHaveTextAsync("1");
        await Screenshots.SaveAsync(page, "rankings-en");

        // The bar chart of the composite follows the table's order.
        await page.GetByTestId("composite-chart").Locator("summary").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chart-bar")).ToHaveCountAsync(await rows.CountAsync());
        await Assertions.Expect(page.GetByTestId("chart-bar").First).ToContainTextAsync(await rows.First.Locator(".city-name").InnerTextAsync());
        await Screenshots.SaveAsync(page, "rankings-chart-en");

        await page.GetByTestId("sort-category-SVC").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sort-category-SVC").Locator("..")).ToHaveAttributeAsync("aria-sort", "descending");
        var services = await ColumnAsync(rows, 5);
        Assert.True(services.Count > 5);
        Assert.Equal(services.OrderByDescending(s => s), services);

        var third = await rows.Nth(2).Locator(".city-name").InnerTextAsync();
        await page.GetByTestId("rank-search").FillAsync(third.ToUpperInvariant());
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First).ToContainTextAsync(third);
        await Assertions.Expect(page.GetByTestId("rank-count")).ToContainTextAsync("1 of");
    }

    [Fact]
    public async Task Rankings_InChinese_ReadsInChinese()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings", chinese: true);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "城市排名", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sort-composite")).ToHaveTextAsync("综合得分");
        await Assertions.Expect(page.GetByTestId("rank-row").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "rankings-zh-Hans");
    }

    [Fact]
    public async Task Profile_OpenedFromTheRankings_ExplainsTheCompositeDownToTheIndicators()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings?year=2024");
        var second = page.GetByTestId("rank-row").Nth(1);
        var composite = await second.Locator(".score").InnerTextAsync();
        var name = await second.Locator(".city-name").InnerTextAsync();
        await second.GetByTestId("open-profile").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(name);
        await Assertions.Expect(page.GetByTestId("profile-composite")).ToContainTextAsync(composite);
        await Assertions.Expect(page.GetByTestId("profile-composite")).ToContainTextAsync("Rank 2 of 36");
        await Assertions.Expect(page.GetByTestId("radar").Locator("polygon.chart-area")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("trend").Locator("polyline")).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByTestId("strengths").Locator("li")).ToHaveCountAsync(3);
        var contributions = await page.GetByTestId("contribution").AllInnerTextsAsync();
        Assert.Equal(30, contributions.Count);
        var sum = contributions.Where(c => c != "—").Sum(c => double.Parse(c.Split(' ')[0], CultureInfo.InvariantCulture));
        Assert.Equal(double.Parse(composite, CultureInfo.InvariantCulture), sum, 0.1); // the contributions add up to the composite
        await Screenshots.SaveAsync(page, "profile-en");

        // The print button opens the browser's print dialog (here counted instead).
        await page.EvaluateAsync("() => { window.__printed = 0; window.print = () => window.__printed++; }");
        await page.GetByTestId("print").ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));

        // The print layout: the profile alone, without the portal's chrome, as a PDF from the browser.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("print")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("profile-indicators")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "profile-print-en");
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf[..4].SequenceEqual("%PDF"u8.ToArray()));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // One click from an indicator to the history of the value it was computed from.
        await page.GetByTestId("indicator-INF01").GetByTestId("indicator-history").ClickAsync();
        await page.WaitForURLAsync("**/history?indicator=INF01");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("INF01");
    }

    [Fact]
    public async Task Compare_ThreeCitiesChosenFromAProfile_ShowsTheirScoresSideBySide()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings/CN-HZ?year=2024");
        var hangzhou = await page.GetByTestId("profile-composite").Locator(".score-card-value").InnerTextAsync();
        await page.GetByTestId("compare-with").ClickAsync();
        await Assertions.Expect(page.GetByTestId("compare-empty")).ToBeVisibleAsync();
        await page.GetByTestId("add-city").SelectOptionAsync("CN-SZ");
        await Assertions.Expect(page.GetByTestId("chosen-CN-SZ")).ToBeVisibleAsync();
        await page.GetByTestId("add-city").SelectOptionAsync("CN-CD");

        await Assertions.Expect(page.GetByTestId("chosen-CN-CD")).ToBeVisibleAsync();
        Assert.Contains("cities=CN-HZ,CN-SZ,CN-CD", page.Url);
        await Assertions.Expect(page.GetByTestId("compare-radar").Locator("polygon.chart-area")).ToHaveCountAsync(3);
        await Assertions.Expect(page.GetByTestId("compare-composite").Locator("td").Nth(1)).ToContainTextAsync(hangzhou);
        await Assertions.Expect(page.GetByTestId("bars-INF01").Locator(".bar")).ToHaveCountAsync(3);
        await Screenshots.SaveAsync(page, "compare-en");

        await page.GetByTestId("remove-CN-SZ").ClickAsync();
        await Assertions.Expect(page.GetByTestId("chosen-CN-SZ")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("compare-radar").Locator("polygon.chart-area")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Rankings_ExportedAsXlsx_OpensWithEveryRankedCity()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings?year=2024");
        await Assertions.Expect(page.GetByTestId("rank-row").First).ToBeVisibleAsync();

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-xlsx").ClickAsync());

        Assert.Equal("rankings-2024.xlsx", download.SuggestedFilename);
        var path = await download.PathAsync();
        var rows = MiniExcelLibs.MiniExcel.Query(path, useHeaderRow: true, excelType: MiniExcelLibs.ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(36, rows.Count);
        var first = rows[0];
        Assert.Equal(1, Convert.ToInt32(first["Rank"]));
        Assert.Equal(await page.GetByTestId("rank-row").First.Locator(".score").InnerTextAsync(), Convert.ToDouble(first["Composite"]).ToString("F1", CultureInfo.InvariantCulture));
        Assert.True(Convert.ToDouble(first["Rank range, 95th percentile"]) >= Convert.ToDouble(first["Rank range, 5th percentile"]));
        Assert.Equal("/rankings", new Uri(page.Url).AbsolutePath); // the page stayed where it was
    }

    [Fact]
    public async Task Method_FromTheRankings_StatesTheRunAndItsWeights()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, "/rankings?year=2024");
        await page.GetByTestId("how-calculated").ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "How the ranking is calculated", Level = 1 })).ToBeVisibleAsync();
        await using var context = portal.Factory.Database.CreateContext();
        var run = context.ScoreRuns.Where(r => context.ReportingPeriods.Any(p => p.Id == r.ReportingPeriodId && p.Year == 2024)).OrderByDescending(r => r.Id).First();
        await Assertions.Expect(page.GetByTestId("inputs-hash")).ToHaveTextAsync(run.InputsHash);
        await Assertions.Expect(page.GetByTestId("weight-INF01")).ToContainTextAsync("3.3%"); // 30 equally weighted indicators in 3 equal categories
        await Assertions.Expect(page.GetByTestId("run-trigger")).ToHaveTextAsync("The portal's start-up (every year is scored)");

        // The bars are drawn to scale: 3.3 % on a scale to 5 % fills two thirds of the track, not all of it.
        var track = page.GetByTestId("weight-INF01").GetByTestId("weight-bar");
        var bar = (await track.Locator(".bar").BoundingBoxAsync())!;
        Assert.InRange(bar.Width / (await track.BoundingBoxAsync())!.Width, 0.6, 0.72);
        await Assertions.Expect(page.GetByTestId("method-steps").Locator("li")).ToHaveCountAsync(6);
        await Screenshots.SaveAsync(page, "method-en");
    }

    [Fact]
    public async Task Profile_DarkTheme_DrawsTablesAndChartsOnTheDarkSurface()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings/CN-GZ?year=2024");
        await page.GetByTestId("theme-toggle").ClickAsync();

        await Assertions.Expect(page.Locator("html")).ToHaveClassAsync("theme-dark");
        await Assertions.Expect(page.GetByTestId("profile-composite")).ToHaveCSSAsync("background-color", "rgb(26, 34, 48)");
        await Assertions.Expect(page.GetByTestId("profile-indicators").Locator("td").First).ToHaveCSSAsync("color", "rgba(255, 255, 255, 0.698)");
        await Screenshots.SaveAsync(page, "profile-dark");
    }

    [Fact]
    public async Task Profile_InChinese_ReadsInChinese()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, "/rankings/CN-HZ?year=2024", chinese: true);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("杭州");
        await Assertions.Expect(page.GetByText("各类别与中位数对比").First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "profile-zh-Hans");

        var compare = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/compare?cities=CN-SZ,CN-GZ,CN-CD&year=2024", chinese: true);
        await Assertions.Expect(compare.GetByRole(AriaRole.Heading, new() { Name = "城市对比", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(compare.GetByTestId("compare-composite")).ToContainTextAsync("综合得分");
        await Screenshots.SaveAsync(compare, "compare-zh-Hans");
        await compare.GotoAsync(new Uri(portal.BaseAddress, "/method?year=2024").ToString());
        await Assertions.Expect(compare.GetByRole(AriaRole.Heading, new() { Name = "排名计算方法", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(compare.GetByTestId("run-trigger")).ToHaveTextAsync("门户启动（对所有年份评分）");
        await Assertions.Expect(compare.GetByTestId("run-framework")).ToContainTextAsync("智慧城市评价框架");
        await Screenshots.SaveAsync(compare, "method-zh-Hans");
    }

    [Fact]
    public async Task Rankings_PageScrolledDown_KeepsTheTableHeaderBelowTheAppBarWithNoScrollBoxOfItsOwn()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings?year=2024");
        var header = page.GetByTestId("sort-composite");
        await Assertions.Expect(page.GetByTestId("rank-row")).ToHaveCountAsync(36);

        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");

        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > 800); // the page scrolls, not a box inside it
        var appBar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        var box = (await header.Locator("..").BoundingBoxAsync())!;
        Assert.InRange(box.Y, appBar.Y + appBar.Height - 1, appBar.Y + appBar.Height + 12);
        await Assertions.Expect(page.Locator("td.rank", new() { HasTextRegex = new("^36$") })).ToBeInViewportAsync();
        await Assertions.Expect(page.GetByTestId("rank-row").First).Not.ToBeInViewportAsync();
        await header.ClickAsync(); // still works where it sticks
        await Assertions.Expect(header.Locator("..")).ToHaveAttributeAsync("aria-sort", "descending");
    }

    [Fact]
    public async Task Rankings_Printed_HaveEveryRowAndNoFiltersButtonsOrNavigation()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings?year=2024");
        await Assertions.Expect(page.GetByTestId("rank-row")).ToHaveCountAsync(36);

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var control in new[] { "rank-search", "rank-province", "rank-tier", "export-xlsx", "export-csv", "print", "composite-chart", "year-2024" })
        {
            await Assertions.Expect(page.GetByTestId(control)).ToBeHiddenAsync();
        }

        await Assertions.Expect(page.Locator(".mud-appbar")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();
        await Assertions.Expect(page.GetByTestId("rank-row")).ToHaveCountAsync(36);
        await Assertions.Expect(page.Locator("td.rank", new() { HasTextRegex = new("^36$") })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("sort-composite")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "rankings-print-en");
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Assert.True(pdf.Length > 10_000 && pdf[..4].SequenceEqual("%PDF"u8.ToArray()));
        await page.EmulateMediaAsync(new() { Media = Media.Screen });
    }

    [Fact]
    public async Task Rankings_OnAPhoneScrolledSideways_KeepRankAndCityInView()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings?year=2024");
        await page.SetViewportSizeAsync(390, 844);
        if (await page.Locator(".mud-drawer--open").CountAsync() > 0)
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }).ClickAsync(); // the drawer covers a phone's page
            await Assertions.Expect(page.Locator(".mud-drawer--open")).ToHaveCountAsync(0);
        }

        var first = page.GetByTestId("rank-row").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var before = (await first.Locator("td").Nth(3).BoundingBoxAsync())!;

        await page.EvaluateAsync("() => window.scrollTo(400, 0)");

        Assert.True(await page.EvaluateAsync<double>("() => window.scrollX") > 200); // the table is wider than the phone
        var rank = (await first.Locator("td.rank").BoundingBoxAsync())!;
        var city = (await first.Locator("td.city").BoundingBoxAsync())!;
        var category = (await first.Locator("td").Nth(3).BoundingBoxAsync())!;
        Assert.InRange(rank.X, -0.5, 0.5);
        Assert.InRange(city.X, rank.X + rank.Width - 1, rank.X + rank.Width + 1);
        Assert.True(category.X < before.X - 200, $"the scores scroll on beneath ({before.X} -> {category.X})");
        var atPoint = await page.EvaluateAsync<string>($"() => document.elementFromPoint({city.X + 10}, {city.Y + city.Height / 2}).closest('td')?.className ?? ''");
        Assert.Contains("city", atPoint); // the city is on top of the scores that pass beneath it
        await PhoneScreenshotAsync(page, "rankings-phone-scrolled-en");

        await page.EvaluateAsync("() => window.scrollTo(0, 1200)");
        var header = (await page.GetByTestId("sort-rank").Locator("..").BoundingBoxAsync())!;
        var appBar = (await page.Locator(".mud-appbar").BoundingBoxAsync())!;
        Assert.InRange(header.Y, appBar.Height - 1, appBar.Height + 12);
    }

    [Fact]
    public async Task Rankings_FilteredSortedAndSearched_KeepTheViewInTheAddressForAReloadAndTheDownload()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings?year=2024");
        var rows = page.GetByTestId("rank-row");
        var history = await page.EvaluateAsync<int>("() => history.length");
        await page.GetByTestId("rank-tier").SelectOptionAsync("First");
        await page.GetByTestId("sort-composite").ClickAsync();
        await page.GetByTestId("sort-composite").ClickAsync();
        await page.GetByTestId("rank-search").PressSequentiallyAsync("ng", new() { Delay = 30 });

        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("q=ng"));
        var query = new Uri(page.Url).Query;
        Assert.Equal("?year=2024&q=ng&tier=First&sort=composite", query);
        var shown = await rows.Locator(".city-name").AllInnerTextsAsync();
        Assert.True(shown.Count is > 1 and < 10, string.Join(", ", shown));
        Assert.Equal(history, await page.EvaluateAsync<int>("() => history.length")); // replaced, not pushed: back leaves the page

        await page.GotoAsync(page.Url, new() { WaitUntil = WaitUntilState.DOMContentLoaded });
        await BrowserSignIn.WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("rank-search")).ToHaveValueAsync("ng");
        await Assertions.Expect(page.GetByTestId("rank-tier")).ToHaveValueAsync("First");
        await Assertions.Expect(page.GetByTestId("sort-composite").Locator("..")).ToHaveAttributeAsync("aria-sort", "ascending");
        Assert.Equal(shown, await rows.Locator(".city-name").AllInnerTextsAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());
        var lines = (await File.ReadAllLinesAsync(await download.PathAsync())).Where(l => l.Length > 0).ToList();
        Assert.StartsWith("Year,Rank,Code,City (English)", lines[0].TrimStart('\uFEFF'));
        Assert.Equal(shown, lines.Skip(1).Select(l => l.Split(',')[3]));
        Assert.DoesNotContain("First", lines[1]);
        Assert.Contains("Tier 1", lines[1]);
    }

    [Fact]
    public async Task Rankings_Provisional_NamesTheCitiesNotTheirCodes()
    {
        await ScoreRuns.DoneAsync(portal.Factory.Services);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.Evaluator, "/rankings");
        var missing = await page.GetByTestId("missing-cities").InnerTextAsync();

        Assert.DoesNotContain("CN-", missing);
        await using var context = portal.Factory.Database.CreateContext();
        var run = context.ScoreRuns.OrderByDescending(r => r.ReportingPeriodId).ThenByDescending(r => r.Id).First();
        var code = run.MissingCities.Split(',')[0];
        Assert.Contains(context.Cities.Single(c => c.Code == code).NameEn, missing);
    }

    private static async Task PhoneScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SCI_SCREENSHOTS")
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png") });
    }

    private static async Task<List<double>> ColumnAsync(ILocator rows, int column)
    {
        var texts = await rows.Locator($"td:nth-child({column + 1})").AllInnerTextsAsync();
        return [.. texts.Where(t => t != "—").Select(t => double.Parse(t, CultureInfo.InvariantCulture))];
    }
}
