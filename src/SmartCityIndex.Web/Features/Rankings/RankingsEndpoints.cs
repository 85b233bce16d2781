using Microsoft.AspNetCore.Http.HttpResults;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Export;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// Downloads: the rankings of a year (<c>/rankings/export.xlsx?year=2024</c>) and a city's profile
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

    /// <summary>Every ranked city of the year (the newest scored year when none is given).</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> ExportRankingsAsync(
        string format, int? year, RankingsService rankings, CancellationToken ct)
    {
        if (await rankings.GetAsync(year, ct) is not { } table)
        {
            return TypedResults.NotFound();
        }

        var file = await SpreadsheetFile.WriteAsync(RankingsExport.Rows(table), $"rankings-{table.Year}", format == "xlsx", ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    /// <summary>One city's profile: "not found" for a city the caller may not see.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> ExportProfileAsync(
        string cityCode, string format, int? year, ProfileService profiles, CancellationToken ct)
    {
        if (await profiles.GetAsync(cityCode, year, ct) is not { } profile)
        {
            return TypedResults.NotFound();
        }

        var file = await SpreadsheetFile.WriteAsync(RankingsExport.Rows(profile), $"profile-{profile.Code}-{profile.Year}", format == "xlsx", ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }
}
