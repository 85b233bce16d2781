namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// Full-page screenshots of what the tests saw, in <c>TestResults/screenshots</c> (or <c>SCI_SCREENSHOTS</c>), so that
/// a person can look at every page the end-to-end tests visit.
/// </summary>
internal static class Screenshots
{
    public static Task SaveAsync(IPage page, string name) => SaveAsync(page, name, new() { Width = 1400, Height = 1000 });

    /// <summary>At the given size (a phone's, say), of the whole page or only of what the window shows.</summary>
    public static async Task SaveAsync(IPage page, string name, ViewportSize viewport, bool fullPage = true)
    {
        var folder = Environment.GetEnvironmentVariable("SCI_SCREENSHOTS")
            ?? Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}.png"), FullPage = fullPage });
    }
}
