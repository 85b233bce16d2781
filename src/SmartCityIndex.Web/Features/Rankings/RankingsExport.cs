
namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>The rows of the rankings and profile downloads (<see cref="RankingsEndpoints"/>).</summary>
public static class RankingsExport
{
    /// <summary>One row per ranked city: every column of the page, with names in both languages.</summary>
    public static List<Dictionary<string, object?>> Rows(Rankings table) => [.. table.Rows.Select(r =>
    {
        var row = new Dictionary<string, object?>
        {
            ["year"] = table.Year,
            ["rank"] = r.Rank,
            ["code"] = r.Code,
            ["city_en"] = r.NameEn,
            ["city_zh"] = r.NameZh,
            ["province_en"] = r.ProvinceEn,
            ["province_zh"] = r.ProvinceZh,
            ["tier"] = r.Tier.ToString(),
            ["composite"] = Math.Round(r.Score, 4),
        };
        for (var i = 0; i < table.Categories.Count; i++)
        {
            row[table.Categories[i].Code] = Round(r.CategoryScores[i]);
            row[$"{table.Categories[i].Code}_rank"] = r.CategoryRanks[i];
        }

        row["rank_change"] = r.RankChange;
        row["coverage"] = Math.Round(r.Coverage, 4);
        row["rank_p5"] = Round(r.RankLow);
        row["rank_p95"] = Round(r.RankHigh);
        row["provisional"] = table.Provisional;
        row["run"] = table.RunId;
        return row;
    })];

    /// <summary>The composite, each category and each indicator of a city's profile, from the value entered to the contribution.</summary>
    public static List<Dictionary<string, object?>> Rows(CityProfile profile)
    {
        Dictionary<string, object?> Row(string level, string code, string en, string zh, double? raw, string? unit, double score, double? contribution, int rank, double? median) => new()
        {
            ["year"] = profile.Year,
            ["city"] = profile.Code,
            ["level"] = level,
            ["code"] = code,
            ["name_en"] = en,
            ["name_zh"] = zh,
            ["value"] = raw is { } v && !double.IsNaN(v) ? v : null,
            ["unit"] = unit,
            ["score"] = Round(score),
            ["contribution"] = contribution is { } c ? Round(c) : null,
            ["rank"] = rank > 0 ? rank : null,
            ["of"] = profile.CityCount,
            ["median_all"] = median is { } m ? Round(m) : null,
        };

        return
        [
            Row("composite", profile.Composite.Code, profile.Composite.NameEn, profile.Composite.NameZh, null, null, profile.Composite.Score, null, profile.Composite.Rank, profile.Composite.Median),
            .. profile.Categories.Select(c => Row("category", c.Code, c.NameEn, c.NameZh, null, null, c.Score, null, c.Rank, c.Median)),
            .. profile.Indicators.Select(i => Row("indicator", i.Code, i.NameEn, i.NameZh, i.Raw, i.Unit, i.Normalised, i.Contribution, i.Rank, null)),
        ];
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}
