namespace SmartCityIndex.Web.Tests.Features.Rankings;

/// <summary>The rankings' view in the address: what a link or a reload shows, and what the downloads take.</summary>
public sealed class RankingsQueryTests
{
    [Fact]
    public void ToQueryString_TheDefaultView_IsEmpty() =>
        Assert.Equal("rankings", new RankingsQuery().PageUri);

    [Fact]
    public void PageUriAndExportUri_AFilteredSortedView_CarryEveryPartAndReadBack()
    {
        var query = new RankingsQuery(2024, "杭 州&", "Zhejiang", "NewFirst").SortedBy("composite");

        Assert.Equal("rankings?year=2024&q=%E6%9D%AD%20%E5%B7%9E%26&province=Zhejiang&tier=NewFirst&sort=composite&desc=true", query.PageUri);
        Assert.Equal("rankings/export.csv?" + query.ToQueryString(), query.ExportUri("csv"));
        Assert.Equal(query, RankingsQuery.From(2024, "杭 州&", "Zhejiang", "NewFirst", "composite", true));
    }

    [Theory]
    [InlineData("composite", true)]
    [InlineData("category-INF", true)]
    [InlineData("change", true)]
    [InlineData("coverage", true)]
    [InlineData("city", false)]
    [InlineData("interval", false)]
    public void SortedBy_AnotherColumn_ScoresBestFirstOthersSmallestFirst(string key, bool descending) =>
        Assert.Equal(descending, new RankingsQuery().SortedBy(key).Descending);

    [Fact]
    public void SortedBy_TheSameColumnAgain_TurnsTheOrderRound()
    {
        var once = new RankingsQuery().SortedBy("composite");
        Assert.False(once.SortedBy("composite").Descending);
        Assert.True(new RankingsQuery().SortedBy("rank").Descending); // rank is the default sort, ascending
    }
}
