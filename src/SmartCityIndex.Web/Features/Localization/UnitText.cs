namespace SmartCityIndex.Web.Features.Localization;

/// <summary>Units are data in one language; the common ones have a translation under <c>Unit_&lt;unit&gt;</c>.</summary>
public static class UnitText
{
    public static string Unit(this IStringLocalizer<SharedResource> text, string unit) =>
        text[$"Unit_{unit}"] is { ResourceNotFound: false } translated ? translated.Value : unit;
}
