using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SmartCityIndex.Web.Features.Export;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// Downloads: the rankings of a year as the page shows them (<c>/rankings/export.xlsx?year=2024&amp;tier=First&amp;sort=composite</c>,
/// the page's own query, see <see cref="RankingsQuery"/>) and a city's profile
/// (<c>/rankings/CN-HZ/export.csv?year=2024</c>), as CSV or XLSX, with the same access as the pages.
/// </summary>
public static class RankingsEndpoints
{
    private const string Format = "{format:regex(^(csv|xlsx)$)}";

    public static IEndpointRouteBuilder MapRankingsEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/rankings").RequireAuthorization().AsRequestUser();
        group.MapGet($"/export.{Format}", ExportRankingsAsync);
        group.MapGet($"/{{cityCode}}/export.{Format}", ExportProfileAsync);
        return endpoints;
    }

    /// <summary>The ranked cities of the year (the newest scored year when none is given) that the page's filters keep, in its order.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> ExportRankingsAsync(
        string format, int? year, [FromQuery(Name = "q")] string? search, string? province, string? tier, string? sort, bool? desc,
        RankingsService rankings, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await rankings.GetAsync(year, ct) is not { } table)
        {
            return TypedResults.NotFound();
        }

        var rows = RankingsQuery.From(year, search, province, tier, sort, desc).Apply(table);
        var file = await SpreadsheetFile.WriteAsync(RankingsExport.Rows(table, rows, text), $"rankings-{table.Year}", format == "xlsx", ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>One city's profile: "not found" for a city the caller may not see.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> ExportProfileAsync(
        string cityCode, string format, int? year, ProfileService profiles, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        if (await profiles.GetAsync(cityCode, year, ct) is not { } profile)
        {
            return TypedResults.NotFound();
        }

        var file = await SpreadsheetFile.WriteAsync(RankingsExport.Rows(profile, text), $"profile-{profile.Code}-{profile.Year}", format == "xlsx", ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
