namespace SmartCityIndex.Web;

/// <summary>
/// Marker for the translation of MudBlazor's own texts (grid filters, pager, close buttons):
/// <c>Resources/MudBlazorResource.zh-Hans.resx</c>. It has no English table: in English MudBlazor's own texts are shown.
/// </summary>
public sealed class MudBlazorResource;
