using SmartCityIndex.Domain.Ranking;

namespace SmartCityIndex.Domain.Tests.Ranking;

public sealed class RankerTests
{
    [Fact]
    public void Rank_Ties_ShareTheSmallestRank()
    {
        Assert.Equal([1, 2, 2, 4], Ranker.Rank([90, 80, 80, 70]));
    }

    [Fact]
    public void Rank_Missing_GetsZeroAndDoesNotTakeARank()
    {
        Assert.Equal([2, 0, 1], Ranker.Rank([5, double.NaN, 7]));
    }

    [Fact]
    public void Rank_ManyValues_MatchesASortedOrder()
    {
        var random = new Random(5);
        var scores = Enumerable.Range(0, 500).Select(_ => Math.Round(random.NextDouble() * 50)).ToArray();

        var ranks = Ranker.Rank(scores);

        for (var i = 0; i < scores.Length; i++)
        {
            Assert.Equal(1 + scores.Count(s => s > scores[i]), ranks[i]);
        }
    }
}
