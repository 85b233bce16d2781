using MudBlazor;

namespace SmartCityIndex.Web.Features.Localization;

/// <summary>
/// Gives MudBlazor's own texts (grid filters, pager, dialogs) in the user's language from its own table (MudBlazorResource);
/// a key the resources lack falls back to MudBlazor's English.
/// </summary>
internal sealed class PortalMudLocalizer(IStringLocalizer<MudBlazorResource> strings) : MudLocalizer
{
    public override LocalizedString this[string key] => strings[key];

    public override LocalizedString this[string key, params object[] arguments] => strings[key, arguments];
}
