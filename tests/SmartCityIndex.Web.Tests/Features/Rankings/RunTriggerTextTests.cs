using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Tests.Features.Rankings;

/// <summary>Why a run was made: stored as a code, said in the reader's language, old runs' English sentences included.</summary>
public sealed class RunTriggerTextTests
{
    private static readonly Dictionary<string, CityName> Cities = new() { ["CN-HZ"] = new("CN-HZ", "Hangzhou", "杭州") };

    [Fact]
    public void Code_OfAReviewDecision_IsLanguageNeutralAndReadsBack()
    {
        var trigger = RunTrigger.Review("Approved", "CN-HZ", 2024, "evaluator@demo.local");

        Assert.Equal("approved:CN-HZ:2024:evaluator@demo.local", trigger.Code);
        Assert.Equal(trigger, RunTrigger.Parse(trigger.Code) with { Text = trigger.Text });
        Assert.Equal(RunTriggerKind.Reopened, RunTrigger.Review("Reopened", "CN-HZ", 2024, "admin").Kind);
    }

    [Theory]
    [InlineData("en", "The portal's start-up (every year is scored)|Approval of Hangzhou (2024) by evaluator@demo.local")]
    [InlineData("zh-Hans", "门户启动（对所有年份评分）|evaluator@demo.local 审核通过了 杭州（2024 年）")]
    public void Describe_NewCodesAndOldSentences_InTheReadersLanguageWithCityNames(string culture, string expected)
    {
        var text = Localizer();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            foreach (var stored in new[] { "start-up; approved:CN-HZ:2024:evaluator@demo.local", "start-up; approved CN-HZ 2024 by evaluator@demo.local" })
            {
                Assert.Equal(expected.Split('|'), RunTrigger.ParseAll(stored).Select(t => RunTriggerText.Describe(text, t, Cities)));
            }

            Assert.Equal(culture == "en" ? "Reopening of CN-XX (2023) by admin" : "admin 重新打开了 CN-XX（2023 年）",
                RunTriggerText.Describe(text, RunTrigger.Parse("reopened CN-XX 2023 by admin"), Cities));
            Assert.Equal("test: more cities", RunTriggerText.Describe(text, RunTrigger.Parse("test: more cities"), Cities));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IStringLocalizer<SharedResource> Localizer() =>
        new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(
            Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));
}
