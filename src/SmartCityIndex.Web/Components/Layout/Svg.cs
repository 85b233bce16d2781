using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;

namespace SmartCityIndex.Web.Components.Layout;

/// <summary>
/// A Material icon (MudBlazor's <c>Icons</c> paths) as plain markup: one render-tree frame instead of a MudIcon
/// component, for the chrome that every circuit carries. Each icon's markup is built once per process and shared.
/// </summary>
public static class Svg
{
    private static readonly ConcurrentDictionary<(string Paths, string Class), MarkupString> Cache = new();

    public static MarkupString Icon(string paths, string cssClass = "") =>
        Cache.GetOrAdd((paths, cssClass), static key =>
            new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium {key.Class}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Paths}</svg>"));
}
