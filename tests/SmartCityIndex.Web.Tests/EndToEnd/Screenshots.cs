using Microsoft.Playwright;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// Full-page screenshots of what the tests saw, in <c>TestResults/screenshots</c> (or <c>SCI_SCREENSHOTS</c>), so that
/// a person can look at every page the end-to-end tests visit.
/// </summary>
internal static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("SCI_SCREENSHOTS")
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(1400, 1000);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
