namespace SmartCityIndex.Domain.Tests.Numerics;

public sealed class StatisticsTests
{
    [Theory]
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, squares 32, sample variance 32 / 7.
    [InlineData(new[] { 2.0, 4, 4, 4, 5, 5, 7, 9 }, 8, 5.0, 2.138089935299395)]
    // Missing values (NaN) are left out, not counted as 0.
    [InlineData(new[] { 1.0, double.NaN, 3 }, 2, 2.0, 1.4142135623730951)]
    // One value: a mean, but no spread.
    [InlineData(new[] { 7.0 }, 1, 7.0, 0.0)]
    [InlineData(new[] { 3.0, 3, 3 }, 3, 3.0, 0.0)]
    public void CountMeanAndSd_HandCheckedColumns_GivesTheSampleDeviation(double[] x, int count, double mean, double sd)
    {
        var result = Statistics.CountMeanAndSd(x);

        Assert.Equal(count, result.Count);
        Assert.Equal(mean, result.Mean, 12);
        Assert.Equal(sd, result.Sd, 12);
    }

    [Fact]
    public void CountMeanAndSd_NoValuePresent_HasNaNMeanAndNoSpread()
    {
        var (count, mean, sd) = Statistics.CountMeanAndSd([double.NaN, double.NaN]);

        Assert.Equal(0, count);
        Assert.True(double.IsNaN(mean));
        Assert.Equal(0, sd);
    }

    [Fact]
    public void CountMeanAndSd_LargeValuesCloseTogether_KeepsTheirSmallSpread()
    {
        // A one-pass sum of squares (Σx² − n·mean²) loses everything here; two passes keep it.
        var (_, mean, sd) = Statistics.CountMeanAndSd([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]);

        Assert.Equal(1e9 + 10, mean, 6);
        Assert.Equal(Math.Sqrt(30), sd, 9);
    }

    [Fact]
    public void SampleStandardDeviation_AroundAGivenMean_UsesThatMean()
    {
        // Centred values (mean 0 by construction), as CRITIC passes them.
        Assert.Equal(Math.Sqrt(8.0 / 3), Statistics.SampleStandardDeviation([-2.0, 0, 0, 2], mean: 0), 12);
    }

    [Fact]
    public void ShiftingEveryValue_ChangesTheMeanButNotTheDeviation()
    {
        double[] x = [0.5, 1.5, 4, 9.25, double.NaN, 2];
        var shifted = x.Select(v => v + 1000).ToArray();

        var (_, mean, sd) = Statistics.CountMeanAndSd(x);
        var (_, shiftedMean, shiftedSd) = Statistics.CountMeanAndSd(shifted);

        Assert.Equal(mean + 1000, shiftedMean, 9);
        Assert.Equal(sd, shiftedSd, 9);
    }
}
