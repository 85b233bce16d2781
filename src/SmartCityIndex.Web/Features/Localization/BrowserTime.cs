using Microsoft.JSInterop;

namespace SmartCityIndex.Web.Features.Localization;

/// <summary>
/// The browser's time zone, for showing the UTC times the portal stores as the person's local time. One per circuit:
/// the first page that shows a time asks the browser once (after its first interactive render, through
/// <c>sciTimeZone</c> in app.js); until then, and when prerendering, times are shown in UTC with "UTC" after them.
/// </summary>
public sealed class BrowserTime(IJSRuntime js, ILogger<BrowserTime> logger)
{
    private TimeZoneInfo? _zone;

    /// <summary>True once the browser's time zone is known.</summary>
    public bool IsKnown => _zone is not null;

    /// <summary>Asks the browser for its time zone if not yet known; true when that changed what times show.</summary>
    public async Task<bool> EnsureAsync()
    {
        if (_zone is not null)
        {
            return false;
        }

        try
        {
            var zone = await js.InvokeAsync<BrowserZone>("sciTimeZone");
            _zone = TimeZoneInfo.TryFindSystemTimeZoneById(zone.Id, out var found)
                ? found
                : TimeZoneInfo.CreateCustomTimeZone("browser", TimeSpan.FromMinutes(-zone.Offset), "browser", "browser");
            return true;
        }
        catch (JSException e)
        {
            logger.LogWarning(e, "The browser did not say its time zone; times stay in UTC");
            return false;
        }
    }

    /// <summary>A stored UTC time as the browser's local time, e.g. "2026-03-01 14:05"; in UTC with "UTC" until known.</summary>
    public string Format(DateTime utc, string format = "yyyy-MM-dd HH:mm")
    {
        var at = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return _zone is { } zone
            ? TimeZoneInfo.ConvertTimeFromUtc(at, zone).ToString(format, System.Globalization.CultureInfo.InvariantCulture)
            : at.ToString(format, System.Globalization.CultureInfo.InvariantCulture) + " UTC";
    }

    private sealed record BrowserZone(string Id, int Offset);
}
