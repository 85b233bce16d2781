using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Tests.Features.Rankings;

public sealed class EffectiveWeightsTests
{
    [Fact]
    public void EffectiveWeights_UnequalWeights_AreTheShareWithinTheCategoryTimesTheCategorysShare()
    {
        ScoreRunner.RunNode[] nodes =
        [
            new("A1", "a1", "a1", "A", 1, 1, "%", 1),
            new("A2", "a2", "a2", "A", 1, 3, "%", 1),
            new("B1", "b1", "b1", "B", 1, 2, "%", -1),
            new("A", "A", "A", ScoreRunner.IndexCode, 2, 1, null, 0),
            new("B", "B", "B", ScoreRunner.IndexCode, 2, 3, null, 0),
            new(ScoreRunner.IndexCode, "index", "指数", null, 3, 1, null, 0),
        ];

        var weights = MethodService.EffectiveWeights(nodes);

        Assert.Equal(["A1", "A2", "B1"], weights.Select(w => w.Code));
        Assert.Equal(["A", "A", "B"], weights.Select(w => w.CategoryCode));
        Assert.Equal(0.25 * 0.25, weights[0].Weight, 12);
        Assert.Equal(0.25 * 0.75, weights[1].Weight, 12);
        Assert.Equal(0.75, weights[2].Weight, 12);
        Assert.Equal(1, weights.Sum(w => w.Weight), 12);
    }

    [Theory]
    [InlineData(1.0 / 30, 0.05)]  // 30 equal weights: 3.3 % on a scale to 5 %, two thirds of the track, not all of it
    [InlineData(0.05, 0.05)]
    [InlineData(0.051, 0.1)]
    [InlineData(0.75, 1)]
    [InlineData(0.0021, 0.0025)]
    public void ScaleMax_TheLargestWeight_IsHeldByARoundScaleEnd(double largest, double expected) =>
        Assert.Equal(expected, MethodService.ScaleMax([largest / 2, largest]), 12);
}
