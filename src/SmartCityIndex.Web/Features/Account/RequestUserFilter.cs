using Microsoft.AspNetCore.Components.Authorization;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// For endpoints outside a circuit (downloads): hands the request's user to the authentication state that
/// <see cref="CurrentUser"/> reads, so that the feature services check access exactly as they do for the pages.
/// </summary>
public sealed class RequestUserFilter : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var authentication = http.RequestServices.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)authentication).SetAuthenticationState(Task.FromResult(new AuthenticationState(http.User)));
        return next(context);
    }
}

/// <summary>Adds <see cref="RequestUserFilter"/> to a group of endpoints.</summary>
public static class RequestUserExtensions
{
    /// <summary>The group's handlers call feature services as the signed-in user of the request.</summary>
    public static RouteGroupBuilder AsRequestUser(this RouteGroupBuilder group) => group.AddEndpointFilter<RequestUserFilter>();
}
