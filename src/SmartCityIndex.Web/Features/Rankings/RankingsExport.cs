using Microsoft.AspNetCore.Components.Authorization;
using SmartCityIndex.Web.Features.Export;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// Downloads: the rankings of a year (<c>/rankings/export.xlsx?year=2024</c>) and a city's profile
/// (<c>/rankings/CN-HZ/export.csv?year=2024</c>), as CSV or XLSX, with the same access as the pages.
/// </summary>
public static class RankingsExport
{
    public static IEndpointRouteBuilder MapRankingsExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/rankings/export.{format}", async (string format, int? year, HttpContext http, AuthenticationStateProvider authentication,
            RankingsService rankings, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }

            SignedIn(authentication, http);
            if (await rankings.GetAsync(year, ct) is not { } table)
            {
                return Results.NotFound();
            }

            var file = await SpreadsheetFile.WriteAsync(Rows(table), $"rankings-{table.Year}", format == "xlsx", ct);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();

        endpoints.MapGet("/rankings/{cityCode}/export.{format}", async (string cityCode, string format, int? year, HttpContext http,
            AuthenticationStateProvider authentication, ProfileService profiles, CancellationToken ct) =>
        {
            if (format is not ("csv" or "xlsx"))
            {
                return Results.NotFound();
            }

            SignedIn(authentication, http);
            if (await profiles.GetAsync(cityCode, year, ct) is not { } profile)
            {
                return Results.NotFound();
            }

            var file = await SpreadsheetFile.WriteAsync(Rows(profile), $"profile-{profile.Code}-{profile.Year}", format == "xlsx", ct);
            return Results.File(file.Content, file.ContentType, file.FileName);
        }).RequireAuthorization();
        return endpoints;
    }

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

    // Outside a circuit the authentication state comes from the request.
    private static void SignedIn(AuthenticationStateProvider authentication, HttpContext http) =>
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
}
