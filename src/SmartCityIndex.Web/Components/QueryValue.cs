using System.Globalization;

namespace SmartCityIndex.Web.Components;

/// <summary>
/// Values of a page's query string, read as text and parsed here: Blazor's own binding of <c>int?</c> and
/// <c>bool?</c> query parameters throws on <c>?year=abc</c>, <c>?year=1e3</c> or a number too large, and the page then
/// answers 500. A value that does not parse is treated as absent, so the page shows its default (the latest year, the
/// open period) as it does without one.
/// </summary>
public static class QueryValue
{
    /// <summary>A non-negative whole number in plain digits, or null.</summary>
    public static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary><c>true</c> or <c>false</c> (any case), or null.</summary>
    public static bool? Bool(string? text) => bool.TryParse(text, out var value) ? value : null;
}
