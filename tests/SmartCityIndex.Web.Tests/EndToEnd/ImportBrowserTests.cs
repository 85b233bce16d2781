namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>The entry form's import panel in the browser: templates, the dry run and its messages.</summary>
public sealed class ImportBrowserTests(SeededPortalFixture portal, BrowserFixture browser)
    : IClassFixture<SeededPortalFixture>, IClassFixture<BrowserFixture>
{
    private const string City = "CN-HZ";

    [Theory]
    [InlineData("template-xlsx", ".xlsx")]
    [InlineData("template-csv", ".csv")]
    public async Task TemplateButton_Clicked_DownloadsTheFileAndTheFormKeepsItsAddress(string button, string extension)
    {
        var year = await SeededServices.StartFreshAsync(portal.Factory.Database, City);
        var path = $"/submissions/{City}/{year}";
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, path);
        var form = page.Url;

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId(button).ClickAsync());

        Assert.Equal($"{City}-{year}{extension}", download.SuggestedFilename);
        Assert.True(new FileInfo(await download.PathAsync()).Length > 0, "the download is empty");
        Assert.Equal(form, page.Url);
        await Assertions.Expect(page.GetByTestId("row-INF01")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Upload_ChangesNotesAndWarnings_DryRunShowsThemAll()
    {
        var year = await SeededServices.StartFreshAsync(portal.Factory.Database, City);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}");
        var csv = "code,value,note\nINF01,92.5,\"Yearbook 2025, table 3\"\nINF03,30,\nINF04,,Not collected before 2026\n";

        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload { Name = "hangzhou.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });

        await Assertions.Expect(page.GetByTestId("import-change-INF03").GetByTestId("import-warnings")).ToContainTextAsync("Outside the plausible range 80–100.");
        await Assertions.Expect(page.GetByTestId("import-change-INF03").GetByTestId("import-warnings")).ToContainTextAsync("Submitting will ask for a note on this value.");
        await Assertions.Expect(page.GetByTestId("import-change-INF01").GetByTestId("import-note")).ToContainTextAsync("Note: Yearbook 2025, table 3");
        await Assertions.Expect(page.GetByTestId("import-change-INF04").GetByTestId("import-after")).ToContainTextAsync("value unchanged");
        await page.GetByTestId("import-panel").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "import-dry-run-en");
        await PhoneShotAsync(page, "import-dry-run-phone-en");
    }

    [Fact]
    public async Task Upload_SeveralFormulasInChinese_ListsEveryCellInChinese()
    {
        var year = await SeededServices.StartFreshAsync(portal.Factory.Database, City);
        var page = await BrowserSignIn.OpenAsAsync(browser.Browser, portal.BaseAddress, DemoAccounts.HangzhouOfficial, $"/submissions/{City}/{year}", chinese: true);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("template-xlsx").ClickAsync());
        var content = await File.ReadAllBytesAsync(await download.PathAsync());
        content = Features.Import.ImportServiceTests.WithFormula(content, "D2", "40+50");
        content = Features.Import.ImportServiceTests.WithFormula(content, "D4", "D2*2");
        content = Features.Import.ImportServiceTests.ReplaceCell(content, "D6", "<c t=\"n\" r=\"D6\"><f>SUM(99,1)</f><v>71</v></c>");

        await page.GetByTestId("upload").SetInputFilesAsync(new FilePayload { Name = "杭州.xlsx", MimeType = "application/octet-stream", Buffer = content });

        var problems = page.GetByTestId("import-problems");
        await Assertions.Expect(problems.Locator("li")).ToHaveCountAsync(3);
        await Assertions.Expect(problems.Locator("li").Nth(1)).ToHaveTextAsync("杭州.xlsx，工作表 Sheet1，单元格 D4：不接受公式，请改为粘贴数值。");
        await page.GetByTestId("import-panel").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "import-formulas-zh-Hans");
        await PhoneShotAsync(page, "import-formulas-phone-zh-Hans");
    }

    private static async Task PhoneShotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SCI_SCREENSHOTS")
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(390, 844);
        await page.GetByTestId("import-panel").ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png") });
    }
}
