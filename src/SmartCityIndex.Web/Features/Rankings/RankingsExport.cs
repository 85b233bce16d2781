namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// The rows of the rankings and profile downloads (<see cref="RankingsEndpoints"/>): column headers and tiers in the
/// reader's language (as the page shows them), city and indicator names in both.
/// </summary>
public static class RankingsExport
{
    /// <summary>One row per city the page shows (<paramref name="rows"/>, filtered and sorted as there): every column of the page.</summary>
    public static List<Dictionary<string, object?>> Rows(RankingsTable table, IEnumerable<RankingRow> rows, IStringLocalizer<SharedResource> text)
    {
        var categories = table.Categories.Select(c => LocalizationSetup.Pick(c.NameEn, c.NameZh)).ToList();
        string change = table.PreviousYear is { } previous ? text[nameof(Keys.ColRankChangeSince), previous] : text[nameof(Keys.ColRankChange)];
        return [.. rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [text[nameof(Keys.Year)]] = table.Year,
                [text[nameof(Keys.ColRank)]] = r.Rank,
                [text[nameof(Keys.ColCode)]] = r.Code,
                [text[nameof(Keys.Export_CityEn)]] = r.NameEn,
                [text[nameof(Keys.Export_CityZh)]] = r.NameZh,
                [text[nameof(Keys.Export_ProvinceEn)]] = r.ProvinceEn,
                [text[nameof(Keys.Export_ProvinceZh)]] = r.ProvinceZh,
                [text[nameof(Keys.ColTier)]] = text[$"Tier_{r.Tier}"].Value,
                [text[nameof(Keys.ColComposite)]] = Math.Round(r.Score, 4),
            };
            for (var i = 0; i < categories.Count; i++)
            {
                row[categories[i]] = Round(r.CategoryScores[i]);
                row[text[nameof(Keys.Export_CategoryRank), categories[i]]] = r.CategoryRanks[i];
            }

            row[change] = r.RankChange;
            row[text[nameof(Keys.ColCoverage)]] = Math.Round(r.Coverage, 4);
            row[text[nameof(Keys.Export_RankLow)]] = Round(r.RankLow);
            row[text[nameof(Keys.Export_RankHigh)]] = Round(r.RankHigh);
            row[text[nameof(Keys.Export_Provisional)]] = text[table.Provisional ? nameof(Keys.Export_Yes) : nameof(Keys.Export_No)].Value;
            row[text[nameof(Keys.Export_Run)]] = table.RunId;
            return row;
        })];
    }

    /// <summary>The composite, each category and each indicator of a city's profile, from the value entered to the contribution.</summary>
    public static List<Dictionary<string, object?>> Rows(CityProfile profile, IStringLocalizer<SharedResource> text)
    {
        Dictionary<string, object?> Row(string level, string code, string en, string zh, double? raw, string? unit, double score, double? contribution, int rank, double? median) => new()
        {
            [text[nameof(Keys.Year)]] = profile.Year,
            [text[nameof(Keys.City)]] = profile.Code,
            [text[nameof(Keys.Export_Level)]] = level,
            [text[nameof(Keys.ColCode)]] = code,
            [text[nameof(Keys.Export_NameEn)]] = en,
            [text[nameof(Keys.Export_NameZh)]] = zh,
            [text[nameof(Keys.ColValue)]] = raw is { } v && !double.IsNaN(v) ? v : null,
            [text[nameof(Keys.ColUnit)]] = unit is null ? null : text.Unit(unit),
            [text[nameof(Keys.ColNormalised)]] = Round(score),
            [text[nameof(Keys.ColContribution)]] = contribution is { } c ? Round(c) : null,
            [text[nameof(Keys.ColRank)]] = rank > 0 ? rank : null,
            [text[nameof(Keys.Export_RankOf)]] = profile.CityCount,
            [text[nameof(Keys.MedianOfAll)]] = median is { } m ? Round(m) : null,
        };

        string composite = text[nameof(Keys.ColComposite)], category = text[nameof(Keys.Export_LevelCategory)], indicator = text[nameof(Keys.ColIndicator)];
        return
        [
            Row(composite, profile.Composite.Code, profile.Composite.NameEn, profile.Composite.NameZh, null, null, profile.Composite.Score, null, profile.Composite.Rank, profile.Composite.Median),
            .. profile.Categories.Select(c => Row(category, c.Code, c.NameEn, c.NameZh, null, null, c.Score, null, c.Rank, c.Median)),
            .. profile.Indicators.Select(i => Row(indicator, i.Code, i.NameEn, i.NameZh, i.Raw, i.Unit, i.Normalised, i.Contribution, i.Rank, null)),
        ];
    }

    private static double? Round(double value) => double.IsNaN(value) ? null : Math.Round(value, 4);
}
