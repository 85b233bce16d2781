namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>The rankings as shown: filtered by search, province and tier, sorted by a column.</summary>
public static class RankingView
{
    /// <summary>
    /// Sort keys: <c>rank</c>, <c>city</c>, <c>composite</c>, <c>category-CODE</c>, <c>change</c>, <c>coverage</c>,
    /// <c>interval</c> (the width of the 5–95 % rank interval). Cities without a value sort last either way; ties by rank.
    /// </summary>
    public static List<RankingRow> Apply(RankingsTable rankings, string search, string province, string tier, string sort, bool descending)
    {
        IEnumerable<RankingRow> rows = rankings.Rows;
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            rows = rows.Where(r => r.Code.Contains(text, StringComparison.OrdinalIgnoreCase) || r.NameEn.Contains(text, StringComparison.OrdinalIgnoreCase)
                || r.NameZh.Contains(text, StringComparison.Ordinal) || r.ProvinceEn.Contains(text, StringComparison.OrdinalIgnoreCase) || r.ProvinceZh.Contains(text, StringComparison.Ordinal));
        }

        if (!string.IsNullOrEmpty(province))
        {
            rows = rows.Where(r => r.ProvinceEn == province);
        }

        if (!string.IsNullOrEmpty(tier))
        {
            rows = rows.Where(r => r.Tier.ToString() == tier);
        }

        var category = sort.StartsWith("category-", StringComparison.Ordinal)
            ? rankings.Categories.ToList().FindIndex(c => c.Code == sort["category-".Length..])
            : -1;
        Func<RankingRow, double> key = sort switch
        {
            "composite" => r => r.Score,
            "change" => r => r.RankChange ?? double.NaN,
            "coverage" => r => r.Coverage,
            "interval" => r => r.RankHigh - r.RankLow,
            _ when category >= 0 => r => r.CategoryScores[category],
            _ => r => r.Rank,
        };

        var list = rows.ToList();
        if (sort == "city")
        {
            var names = list.OrderBy(r => LocalizationSetup.Pick(r.NameEn, r.NameZh), StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true)).ThenBy(r => r.Rank);
            return descending ? [.. names.Reverse()] : [.. names];
        }

        var present = list.Where(r => !double.IsNaN(key(r)));
        var ordered = descending ? present.OrderByDescending(key).ThenBy(r => r.Rank) : present.OrderBy(key).ThenBy(r => r.Rank);
        return [.. ordered, .. list.Where(r => double.IsNaN(key(r))).OrderBy(r => r.Rank)];
    }
}
