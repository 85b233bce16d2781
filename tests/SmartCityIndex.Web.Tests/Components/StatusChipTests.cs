using Bunit;

namespace SmartCityIndex.Web.Tests.Components;

public sealed class StatusChipTests : PortalComponentContext
{
    [Theory]
    [InlineData(SubmissionStatus.Submitted, "Submitted")]
    [InlineData(SubmissionStatus.Returned, "Returned")]
    [InlineData(null, "Not started")]
    [UseCulture("en")]
    public void Render_English_NamesTheStatus(SubmissionStatus? status, string text)
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(text, chip.Find("[data-testid='status']").TextContent.Trim());
    }

    [Theory]
    [InlineData(SubmissionStatus.Submitted, "已提交")]
    [InlineData(SubmissionStatus.Approved, "已通过")]
    [UseCulture("zh-Hans")]
    public void Render_Chinese_NamesTheStatusInChinese(SubmissionStatus? status, string text)
    {
        var chip = Render<StatusChip>(p => p.Add(c => c.Status, status));

        Assert.Equal(text, chip.Find("[data-testid='status']").TextContent.Trim());
    }
}
