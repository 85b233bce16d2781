using SmartCityIndex.Domain.Cities;

namespace SmartCityIndex.Web.Tests.Features.Rankings;

public sealed class RankingViewTests
{
    private static readonly Fixture Table = new(
    [
        Row("CN-SZ", "Shenzhen", "深圳", "Guangdong", CityTier.First, 1, 90, [95, double.NaN], 0, 1, 2),
        Row("CN-GZ", "Guangzhou", "广州", "Guangdong", CityTier.First, 2, 85, [80, 70], 1, 1, 3),
        Row("CN-HZ", "Hangzhou", "杭州", "Zhejiang", CityTier.NewFirst, 3, 70, [60, 90], -1, 2, 8),
        Row("CN-NB", "Ningbo", "宁波", "Zhejiang", CityTier.NewFirst, 4, 50, [70, 40], null, 3, 4),
    ]);

    [Fact]
    public void Apply_ProvinceAndTier_KeepOnlyThoseCitiesInRankOrder()
    {
        Assert.Equal(["CN-HZ", "CN-NB"], Codes(RankingView.Apply(Table.Value, "", "Zhejiang", "", "rank", false)));
        Assert.Equal(["CN-SZ", "CN-GZ"], Codes(RankingView.Apply(Table.Value, "", "", nameof(CityTier.First), "rank", false)));
        Assert.Empty(RankingView.Apply(Table.Value, "", "Guangdong", nameof(CityTier.NewFirst), "rank", false));
    }

    [Theory]
    [InlineData("杭州", "CN-HZ")]
    [InlineData("ningbo", "CN-NB")]
    [InlineData("cn-gz", "CN-GZ")]
    [InlineData("zhejiang", "CN-HZ,CN-NB")]
    public void Apply_Search_MatchesNameCodeOrProvinceInEitherLanguage(string search, string expected) =>
        Assert.Equal(expected.Split(','), Codes(RankingView.Apply(Table.Value, search, "", "", "rank", false)));

    [Fact]
    public void Apply_SortByACategory_BestFirstAndCitiesWithoutAScoreLast()
    {
        Assert.Equal(["CN-HZ", "CN-GZ", "CN-NB", "CN-SZ"], Codes(RankingView.Apply(Table.Value, "", "", "", "category-B", descending: true)));
        Assert.Equal(["CN-NB", "CN-GZ", "CN-HZ", "CN-SZ"], Codes(RankingView.Apply(Table.Value, "", "", "", "category-B", descending: false)));
    }

    [Fact]
    public void Apply_SortByChangeAndInterval_UsesThoseColumns()
    {
        Assert.Equal(["CN-GZ", "CN-SZ", "CN-HZ", "CN-NB"], Codes(RankingView.Apply(Table.Value, "", "", "", "change", descending: true)));
        Assert.Equal(["CN-SZ", "CN-NB", "CN-GZ", "CN-HZ"], Codes(RankingView.Apply(Table.Value, "", "", "", "interval", descending: false)));
    }

    private static string[] Codes(IEnumerable<RankingRow> rows) => [.. rows.Select(r => r.Code)];

    private static RankingRow Row(string code, string en, string zh, string province, CityTier tier, int rank, double score, double[] categories,
        int? change, double low, double high) =>
        new(code, en, zh, province, province, tier, rank, score, categories, [.. categories.Select(_ => 1)], change, 1, low, high, false);

    private sealed record Fixture(IReadOnlyList<RankingRow> Rows)
    {
        public RankingsTable Value { get; } = new(2024, [2024], 1, DateTime.UtcNow, false, [], Rows.Count,
            [new RankedCategory("A", "A", "A", 0), new RankedCategory("B", "B", "B", 1)], Rows, 2023, null, true);
    }
}
