using Microsoft.AspNetCore.Http.HttpResults;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>Template downloads (<c>/submissions/CN-HZ/2025/template.csv</c> or <c>.xlsx</c>), for the city's officials.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/submissions/{cityCode}/{year:int}").RequireAuthorization(Policies.Enter).AsRequestUser();
        group.MapGet("/template.{format:regex(^(csv|xlsx)$)}", DownloadTemplateAsync);
        return endpoints;
    }

    /// <summary>The city's template for the year, with its values so far; "not found" for anyone else's city.</summary>
    public static async Task<Results<FileContentHttpResult, NotFound>> DownloadTemplateAsync(
        string cityCode, int year, string format, ImportService import, CancellationToken ct) =>
        await import.TemplateAsync(cityCode, year, format == "xlsx", ct) is { } file
            ? TypedResults.File(file.Content, file.ContentType, file.FileName)
            : TypedResults.NotFound();
}
