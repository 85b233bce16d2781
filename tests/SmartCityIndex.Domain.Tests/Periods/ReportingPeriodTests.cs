using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Domain.Tests.Frameworks;

namespace SmartCityIndex.Domain.Tests.Periods;

public sealed class ReportingPeriodTests
{
    [Fact]
    public void Constructor_PublishedFramework_IsOpen()
    {
        var period = new ReportingPeriod(2025, new FrameworkBuilder().Published().Build(), new(2026, 1, 1), new(2026, 3, 31));

        Assert.Equal(PeriodStatus.Open, period.Status);
    }

    [Fact]
    public void Constructor_DraftFramework_Throws()
    {
        var error = Assert.Throws<DomainException>(() => new ReportingPeriod(2025, new FrameworkBuilder().Build(), new(2026, 1, 1), new(2026, 3, 31)));

        Assert.Contains("needs a published framework", error.Message);
    }

    [Fact]
    public void Constructor_ClosesBeforeOpens_Throws()
    {
        var error = Assert.Throws<DomainException>(() => new ReportingPeriod(2025, new FrameworkBuilder().Published().Build(), new(2026, 3, 1), new(2026, 2, 1)));

        Assert.Contains("cannot close (2026-02-01) before it opens (2026-03-01)", error.Message);
    }

    [Theory]
    [InlineData(1989)]
    [InlineData(2101)]
    public void Constructor_YearOutOfRange_Throws(int year)
    {
        Assert.Throws<DomainException>(() => new ReportingPeriod(year, new FrameworkBuilder().Published().Build(), new(2026, 1, 1), new(2026, 2, 1)));
    }
}
