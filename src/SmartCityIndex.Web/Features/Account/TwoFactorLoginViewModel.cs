using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>What the second step of a sign-in ends with: a message for the form, or where to go.</summary>
public sealed record TwoFactorLoginOutcome(string? Error = null, string? RedirectTo = null);

/// <summary>
/// The second step of a sign-in, for an account with two-factor sign-in on: after the right password the user is only
/// half signed in (Identity's short-lived two-factor cookie, 5 minutes), and signed in once a code from the
/// authenticator app or a recovery code is right. Wrong codes count towards the account's lockout, as wrong passwords
/// do, and towards the address's throttle; every outcome is logged. The session it opens says that two factors were
/// used (<see cref="TwoFactorGate.MultiFactorClaim"/>).
/// </summary>
public sealed class TwoFactorLoginViewModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    TwoFactorService twoFactor,
    ReturnUrlCheck returnUrls,
    IStringLocalizer<SharedResource> l,
    SignInThrottle throttle,
    TimeProvider clock,
    ILogger<TwoFactorLoginViewModel> logger)
{
    /// <summary>The page of the second step.</summary>
    public const string Path = "/account/login/code";

    /// <summary>The second step's address, keeping where the user was going.</summary>
    public static string PathFor(string? returnUrl) =>
        LocalUrl.Safe(returnUrl) is { } local ? $"{Path}?returnUrl={Uri.EscapeDataString(local)}" : Path;

    /// <summary>After the right password: remembers who is half signed in (no session yet) for the second step.</summary>
    public static Task BeginAsync(HttpContext context, PortalUser user) =>
        context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.Id)], IdentityConstants.TwoFactorUserIdScheme)));

    /// <summary>Whether someone is half signed in; if not (never, or over 5 minutes ago), the page goes back to sign-in.</summary>
    public async Task<bool> IsPendingAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>Checks the code (from the app or, with <paramref name="recovery"/>, a recovery code) and signs in.</summary>
    public async Task<TwoFactorLoginOutcome> VerifyAsync(string? code, bool recovery, string? returnUrl, IPAddress? address)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return new TwoFactorLoginOutcome(RedirectTo: "/account/login");
        }

        if (string.IsNullOrWhiteSpace(code))
        {
            return new TwoFactorLoginOutcome(l[recovery ? nameof(Keys.TwoFactorRecoveryCodeRequired) : nameof(Keys.TwoFactorCodeRequired)]);
        }

        if (throttle.AddressBlockedUntil(address) is { } until)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
            logger.LogWarning("Refused a second sign-in step for {Email} from {Address}: too many failures from that address", user.Email, address);
            return new TwoFactorLoginOutcome(l[nameof(Keys.SignInAddressThrottled), minutes]);
        }

        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("Refused a second sign-in step for {Email} from {Address}: locked out", user.Email, address);
            return new TwoFactorLoginOutcome(l[nameof(Keys.SignInLockedOut)]);
        }

        var right = recovery ? await twoFactor.RedeemRecoveryCodeAsync(user, code) : await twoFactor.VerifyCodeAsync(user, code);
        if (!right)
        {
            await users.AccessFailedAsync(user);
            throttle.AddressFailed(address);
            var locked = await users.IsLockedOutAsync(user);
            logger.LogWarning("Wrong {Kind} for {Email} from {Address}{Locked}", recovery ? "recovery code" : "authenticator code", user.Email, address, locked ? "; now locked out" : string.Empty);
            return new TwoFactorLoginOutcome(locked
                ? l[nameof(Keys.SignInLockedOut)]
                : l[recovery ? nameof(Keys.TwoFactorRecoveryCodeWrong) : nameof(Keys.TwoFactorCodeWrong)]);
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        var properties = new AuthenticationProperties();
        properties.Items[AuthenticationSetup.SignedInAtKey] = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, properties, [TwoFactorGate.MultiFactor()]);
        if (recovery)
        {
            logger.LogWarning("{Email} signed in from {Address} with a recovery code; {Left} left", user.Email, address, await twoFactor.RecoveryCodesLeftAsync(user));
        }
        else
        {
            logger.LogInformation("{Email} signed in from {Address} with an authenticator code", user.Email, address);
        }

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var target = LocalUrl.Safe(returnUrl) is { } local && await returnUrls.MayOpenAsync(principal, local) ? local : Landing.PathFor(principal);
        return new TwoFactorLoginOutcome(RedirectTo: target);
    }
}
