namespace SmartCityIndex.Web.Tests.Features.Rankings;

public sealed class RankChangesTests
{
    [Fact]
    public void RankChanges_DifferentCitiesRankedEachYear_ComparesRanksAmongTheCitiesRankedInBoth()
    {
        // City 3 is new this year, city 4 was only ranked last year: neither gets a change, and neither moves the others.
        var now = new Dictionary<int, double> { [1] = 90, [2] = 80, [3] = 95 };
        var before = new Dictionary<int, double> { [1] = 50, [2] = 60, [4] = 99 };

        var changes = RankingsService.RankChanges(now, before);

        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = -1 }, changes);
    }

    [Fact]
    public void RankChanges_SameOrder_IsZeroForEveryone()
    {
        var scores = new Dictionary<int, double> { [1] = 3, [2] = 2, [3] = 1 };

        Assert.All(RankingsService.RankChanges(scores, scores).Values, change => Assert.Equal(0, change));
    }
}
