using SmartCityIndex.Domain.Outliers;

namespace SmartCityIndex.Domain.Tests.Outliers;

public sealed class OutlierTreaterTests
{
    [Fact]
    public void Skewness_And_Kurtosis_MatchExcelType2()
    {
        // Excel: SKEW(1,...,10,30,100) = 3.0632, KURT(...) = 9.7414
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];

        Assert.Equal(3.0632, OutlierTreater.Skewness(x), 4);
        Assert.Equal(9.7414, OutlierTreater.Kurtosis(x), 4);
    }

    [Fact]
    public void Treat_HighOutlier_WinsorisesItDownToTheNextValueUntilTheSkewPasses()
    {
        double[] x = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 100];

        var record = OutlierTreater.Treat(x, "X1");

        Assert.NotNull(record);
        Assert.Equal("winsorised", record.Action);
        Assert.Equal(1, record.Points);
        Assert.Equal([11], record.Units);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 30, 30], x); // skewness 1.71 after one point: passes
        Assert.True(OutlierTreater.Passes(record.SkewAfter, record.KurtosisAfter));
    }

    [Fact]
    public void Treat_NormalData_LeavesItAlone()
    {
        double[] x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3];

        Assert.Null(OutlierTreater.Treat(x, "X1"));
        Assert.Equal([3, 1, 4, 1, 5, 9, 2, 6, 5, 3], x);
    }

    [Fact]
    public void Treat_HeavyTailBeyondFivePoints_LogTransformsTheOriginal()
    {
        // 60 ordinary values and six far out: after five points are winsorised |skew| is still 2.9, kurtosis 6.6.
        var x = Enumerable.Range(0, 60).Select(i => (double)(i % 5 + 1)).Concat([100, 200, 300, 400, 500, 600]).ToArray();
        var original = (double[])x.Clone();

        var record = OutlierTreater.Treat(x, "X1");

        Assert.NotNull(record);
        Assert.Equal("log-transformed", record.Action);
        var shift = 0.01 * (original.Max() - original.Min());
        Assert.Equal(Math.Log(original[7] - original.Min() + shift), x[7], 12);
    }
}
