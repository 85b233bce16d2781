using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using SmartCityIndex.Infrastructure.Identity;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>Sign-out, as a form POST (with antiforgery) from the app bar.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/account/logout", async (SignInManager<PortalUser> signIn, HttpContext context, ILogger<SignInManager<PortalUser>> logger, [FromForm] string? returnUrl) =>
        {
            logger.LogInformation("{User} signed out", context.User.Identity?.Name);
            await signIn.SignOutAsync();
            return TypedResults.LocalRedirect("/account/login");
        });
        return endpoints;
    }
}
