using System.Globalization;
using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>A warning about a value in the reader's language, the same in the entry form and the import's dry run.</summary>
public static class FindingText
{
    public static string Describe(IStringLocalizer<SharedResource> l, ValueFinding finding) => finding.Kind switch
    {
        CheckKind.OutsidePlausibleRange => l[nameof(Keys.WarnPlausible), NumberInput.Format(finding.Low), NumberInput.Format(finding.High)],
        CheckKind.LargeChange => l[nameof(Keys.WarnChange), (finding.ChangeRatio ?? 0).ToString("+0%;-0%", CultureInfo.CurrentCulture), NumberInput.Format(finding.Previous)],
        _ => string.Empty,
    };
}
