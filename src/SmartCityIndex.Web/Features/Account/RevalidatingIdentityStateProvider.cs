using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Checks an open circuit's user every minute (<see cref="AuthenticationSetup.RevalidationSecondsKey"/>): a session
/// that has ended (signed out elsewhere, the account disabled, 30 minutes without input in the page, 8 hours since
/// sign-in), a disabled user or a changed security stamp (roles changed, password changed) ends the circuit's
/// authentication, and the page sends the user to sign in. A database outage ends nothing.
/// </summary>
internal sealed class RevalidatingIdentityStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopeFactory,
    IOptions<IdentityOptions> options,
    IOptions<SecurityStampValidatorOptions> stampOptions,
    SessionStore sessions,
    SessionActivity activity)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    // The same interval as the cookies' security stamp check (configurable for tests).
    protected override TimeSpan RevalidationInterval => stampOptions.Value.ValidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        if (!await sessions.IsOpenAsync(state.User, activity.LastInputAt, cancellationToken))
        {
            return false;
        }

        try
        {
            return await StampStillValidAsync(state, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return true; // checked again at the next interval
        }
    }

    private async Task<bool> StampStillValidAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.IsDisabled)
        {
            return false;
        }

        if (!users.SupportsUserSecurityStamp)
        {
            return true;
        }

        var principalStamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return principalStamp == await users.GetSecurityStampAsync(user);
    }
}
