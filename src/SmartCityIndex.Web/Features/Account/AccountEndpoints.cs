using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Diagnostics;
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
        // (The middleware only records its verdict; an endpoint that binds no form checks it itself.)
        group.MapPost("/logout", SignOutAsync).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }

    /// <summary>
    /// Ends the session and goes to the sign-in page (also for a session that had already ended); refused without the
    /// form's antiforgery token.
    /// </summary>
    public static async Task<Results<RedirectHttpResult, BadRequest>> SignOutAsync(SignInManager<PortalUser> signIn, HttpContext context, ILogger<SignInManager<PortalUser>> logger)
    {
        if (context.Features.Get<IAntiforgeryValidationFeature>() is not { IsValid: true })
        {
            logger.LogWarning("Refused a sign-out of {User} without a valid antiforgery token (from {Address})",
                context.User.Identity?.Name, context.Connection.RemoteIpAddress);
            // A bare 400: the status code page would run the request again, through the antiforgery check again.
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            return TypedResults.BadRequest();
        }

        logger.LogInformation("{User} signed out", context.User.Identity?.Name);
        await signIn.SignOutAsync();
        return TypedResults.LocalRedirect("/account/login");
    }
}
