using Microsoft.Playwright;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Web.Tests.Infrastructure;

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
}
