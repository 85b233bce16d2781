using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>Why a run was made, in the reader's language, with cities by name.</summary>
public static class RunTriggerText
{
    public static string Describe(IStringLocalizer<SharedResource> text, RunTrigger trigger, IReadOnlyDictionary<string, CityName> cities)
    {
        var city = trigger.City is { } code && cities.TryGetValue(code, out var name) ? LocalizationSetup.Pick(name.NameEn, name.NameZh) : trigger.City;
        return trigger.Kind switch
        {
            RunTriggerKind.StartUp => text[nameof(Keys.RunTrigger_StartUp)],
            RunTriggerKind.Approved => text[nameof(Keys.RunTrigger_Approved), city!, trigger.Year!, trigger.By!],
            RunTriggerKind.Reopened => text[nameof(Keys.RunTrigger_Reopened), city!, trigger.Year!, trigger.By!],
            _ => trigger.Text ?? string.Empty,
        };
    }
}
