namespace SmartCityIndex.Web.Features.Localization;

/// <summary>A framework's name is data in one language; known names have a translation under <c>Framework_&lt;name&gt;</c>.</summary>
public static class FrameworkNameText
{
    public static string FrameworkName(this IStringLocalizer<SharedResource> text, string name) =>
        text[$"Framework_{name}"] is { ResourceNotFound: false } translated ? translated.Value : name;
}
