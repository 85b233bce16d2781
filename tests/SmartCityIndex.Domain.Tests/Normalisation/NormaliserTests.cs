using SmartCityIndex.Domain.Normalisation;

namespace SmartCityIndex.Domain.Tests.Normalisation;

public sealed class NormaliserTests
{
    private static double[] Run(double[] x, NormalisationMethod method, int direction = 1, double low = 0, double high = 100, double? gl = null, double? gh = null)
    {
        var y = new double[x.Length];
        Normaliser.Normalise(x, y, direction, method, low, high, gl, gh, "X1");
        return y;
    }

    [Fact]
    public void MinMax_Benefit_ScalesMinToLowAndMaxToHigh()
    {
        Assert.Equal([0, 25, 100], Run([2, 4, 10], NormalisationMethod.MinMax));
    }

    [Fact]
    public void MinMax_Cost_GivesTheLowestValueTheHighestScore()
    {
        Assert.Equal([100, 75, 0], Run([2, 4, 10], NormalisationMethod.MinMax, direction: -1));
    }

    [Fact]
    public void MinMax_Missing_StaysMissingAndIsIgnored()
    {
        var y = Run([2, double.NaN, 10], NormalisationMethod.MinMax);

        Assert.Equal(0, y[0]);
        Assert.True(double.IsNaN(y[1]));
        Assert.Equal(100, y[2]);
    }

    [Fact]
    public void MinMax_Constant_GivesHighToEveryoneWithAWarning()
    {
        var y = new double[3];

        var warning = Normaliser.Normalise([5, 5, 5], y, 1, NormalisationMethod.MinMax, 1, 100, null, null, "X1");

        Assert.Equal([100, 100, 100], y);
        Assert.Equal("Indicator X1 has the same value for every unit; min-max gives all of them 100.", warning);
    }

    [Fact]
    public void ZScore_UsesSampleStandardDeviation()
    {
        var y = Run([1, 2, 3], NormalisationMethod.ZScore);

        Assert.Equal([-1, 0, 1], y.Select(v => Math.Round(v, 12)));
    }

    [Fact]
    public void Rank_Ties_ShareTheAverageRank()
    {
        Assert.Equal([0, 50, 50, 100], Run([1, 5, 5, 9], NormalisationMethod.Rank));
    }

    [Theory]
    [InlineData(1, new[] { 0.0, 50, 100, 100 })]
    [InlineData(-1, new[] { 100.0, 50, 0, 0 })]
    public void Goalposts_Direction_ClampsAndScales(int direction, double[] expected)
    {
        Assert.Equal(expected, Run([-5, 15, 20, 40], NormalisationMethod.Goalposts, direction, gl: 10, gh: 20));
    }

    [Fact]
    public void Goalposts_Missing_ThrowsNamingTheIndicator()
    {
        var error = Assert.Throws<DomainException>(() => Run([1, 2], NormalisationMethod.Goalposts));

        Assert.Contains("needs goalposts for indicator X1", error.Message);
    }
}
