using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>The account's endpoints under <c>/account</c>: sign-out, as a form POST (with antiforgery) from the app bar.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/account");
        // No form field is bound, so antiforgery is asked for explicitly: a page elsewhere must not sign anyone out.
        group.MapPost("/logout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    /// <summary>Ends the session and goes to the sign-in page (also for a session that had already ended).</summary>
    public static async Task<RedirectHttpResult> SignOutAsync(SignInManager<PortalUser> signIn, HttpContext context, ILogger<SignInManager<PortalUser>> logger)
    {
        logger.LogInformation("{User} signed out", context.User.Identity?.Name);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }
}
