using Microsoft.AspNetCore.Components.Authorization;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>Template downloads (<c>/submissions/CN-HZ/2025/template.csv</c> or <c>.xlsx</c>), for the city's officials.</summary>
public static class ImportEndpoints
{
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/submissions/{cityCode}/{year:int}/template.{format}", async (string cityCode, int year, string format, HttpContext http,
                AuthenticationStateProvider authentication, ImportService import, CancellationToken ct) =>
            {
                if (format is not ("csv" or "xlsx"))
                {
                    return Results.NotFound();
                }

                // Outside a circuit the authentication state comes from the request.
                ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
                var template = await import.TemplateAsync(cityCode, year, format == "xlsx", ct);
                return template is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound();
            })
            .RequireAuthorization(Policies.Enter);
        return endpoints;
    }
}
