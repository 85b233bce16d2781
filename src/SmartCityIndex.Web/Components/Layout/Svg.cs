using Microsoft.AspNetCore.Components;

namespace SmartCityIndex.Web.Components.Layout;

/// <summary>
/// A Material icon (MudBlazor's <c>Icons</c> paths) as plain markup: one render-tree frame instead of a MudIcon
/// component, for the chrome that every circuit carries.
/// </summary>
public static class Svg
{
    public static MarkupString Icon(string paths, string cssClass = "") =>
        new($"<svg class=\"mud-icon-root mud-svg-icon mud-icon-size-medium {cssClass}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{paths}</svg>");
}
