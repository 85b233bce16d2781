using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Domain.Tests.Frameworks;

namespace SmartCityIndex.Domain.Tests.Submissions;

public sealed class ValueCheckTests
{
    // Hard range 0–100, plausible 10–90 (FrameworkBuilder's indicators).
    private static readonly Indicator Share = new FrameworkBuilder().Build().Indicators.First();

    [Theory]
    [InlineData(50.0, null)]
    [InlineData(10.0, null)]
    [InlineData(90, 80.0)]
    public void Check_InsideRangesAndSmallChange_FindsNothing(double value, double? lastYear)
    {
        Assert.Empty(ValueCheck.Check(Share, (decimal)value, false, (decimal?)lastYear));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Check_OutsideHardRange_IsAnError(double value)
    {
        var finding = Assert.Single(ValueCheck.Check(Share, (decimal)value, false, null));

        Assert.Equal((CheckKind.OutsideHardRange, CheckSeverity.Error, 0m, 100m), (finding.Kind, finding.Severity, finding.Low, finding.High));
    }

    [Fact]
    public void Check_OutsidePlausibleRange_IsAWarning()
    {
        var finding = Assert.Single(ValueCheck.Check(Share, 95m, false, null));

        Assert.Equal((CheckKind.OutsidePlausibleRange, CheckSeverity.Warning), (finding.Kind, finding.Severity));
    }

    [Theory]
    [InlineData(40, 20, 1.0)]
    [InlineData(20, 60, -2.0 / 3)]
    public void Check_MoreThanHalfAwayFromLastYear_IsAWarningWithTheChange(double value, double lastYear, double ratio)
    {
        var finding = Assert.Single(ValueCheck.Check(Share, (decimal)value, false, (decimal)lastYear));

        Assert.Equal(CheckKind.LargeChange, finding.Kind);
        Assert.Equal(ratio, (double)finding.ChangeRatio!.Value, 6);
    }

    [Fact]
    public void Check_ExactlyHalf_IsNotFlagged()
    {
        Assert.Empty(ValueCheck.Check(Share, 30m, false, 20m));
    }

    [Fact]
    public void Check_NoValue_IsMissingUnlessNotAvailable()
    {
        Assert.Equal(CheckKind.Missing, Assert.Single(ValueCheck.Check(Share, null, false, null)).Kind);
        Assert.Empty(ValueCheck.Check(Share, null, true, null));
    }
}
