using System.Net;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>What a sign-in attempt ends with: messages for the form (none on success) and, on success, where to go.</summary>
public sealed record LoginOutcome(string? Error = null, string? EmailError = null, string? PasswordError = null, string? RedirectTo = null);

/// <summary>
/// The sign-in page's rules, without the page: the form's own checks in the user's language; the same answer, after
/// the same work (one password hash), for an unknown e-mail and a wrong password, lockout included (an e-mail without
/// an account "locks" as an account does: <see cref="SignInThrottle"/>); a network address that failed too often
/// waits, whatever e-mail it tries; a disabled account told so only to someone who knows its password (the guesses
/// counted all the same); Identity's lockout; the session cookie with the time of sign-in (for the absolute timeout);
/// the second step for an account with two-factor sign-in on (<see cref="TwoFactorLoginViewModel"/>);
/// and a return address followed only when it is local and a page the user may open now (after a change of role the
/// old role's page would only say "access denied"). Every refusal and every sign-in is logged.
/// </summary>
public sealed class LoginViewModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    ReturnUrlCheck returnUrls,
    IOptions<IdentityOptions> identity,
    IStringLocalizer<SharedResource> l,
    IPasswordHasher<PortalUser> hasher,
    SignInThrottle throttle,
    TimeProvider clock,
    ILogger<LoginViewModel> logger)
{
    // Checked against a password given for an e-mail without an account, so that its answer takes as long as a wrong
    // password's (a hash with the portal's own settings; the first sign-in makes it).
    private static string? s_unknownAccountHash;

    public async Task<LoginOutcome> SignInAsync(string? email, string? password, string? returnUrl, IPAddress? address)
    {
        var emailError = string.IsNullOrWhiteSpace(email) ? l[nameof(Keys.SignInEmailRequired)].Value : null;
        var passwordError = string.IsNullOrEmpty(password) ? l[nameof(Keys.SignInPasswordRequired)].Value : null;
        if (emailError is not null || passwordError is not null)
        {
            return new LoginOutcome(EmailError: emailError, PasswordError: passwordError);
        }

        if (throttle.AddressBlockedUntil(address) is { } until)
        {
            var minutes = Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes));
            logger.LogWarning("Refused a sign-in for {Email} from {Address}: too many failures from that address", email, address);
            return new LoginOutcome(Error: l[nameof(Keys.SignInAddressThrottled), minutes]);
        }

        var user = await users.FindByEmailAsync(email!.Trim());
        if (user is null)
        {
            if (throttle.IsUnknownEmailLocked(email))
            {
                return Refused(email, address, "unknown user, locked out", nameof(Keys.SignInLockedOut));
            }

            s_unknownAccountHash ??= hasher.HashPassword(new PortalUser(), "an unknown account's password");
            hasher.VerifyHashedPassword(new PortalUser(), s_unknownAccountHash, password!);
            throttle.AddressFailed(address);
            return throttle.UnknownEmailFailed(email)
                ? Refused(email, address, "unknown user, now locked out", nameof(Keys.SignInLockedOut))
                : Refused(email, address, "unknown user", nameof(Keys.SignInFailed));
        }

        if (user.IsDisabled)
        {
            // Said only to someone who knows the password: a stranger sees the same answer as for a wrong password.
            // The guesses are counted, so that the password of a disabled account cannot be found by trying.
            var known = user.AccessFailedCount < identity.Value.Lockout.MaxFailedAccessAttempts && await users.CheckPasswordAsync(user, password!);
            if (!known)
            {
                user.AccessFailedCount++;
                await users.UpdateAsync(user);
                throttle.AddressFailed(address);
            }

            return known
                ? Refused(email, address, "disabled user", nameof(Keys.SignInDisabled))
                : Refused(email, address, "disabled user, wrong password", nameof(Keys.SignInFailed));
        }

        var result = await signIn.CheckPasswordSignInAsync(user, password!, lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            throttle.AddressFailed(address); // a locked account's attempts count too: the address is still guessing
        }

        if (result.IsLockedOut)
        {
            return Refused(email, address, "locked out", nameof(Keys.SignInLockedOut));
        }

        if (!result.Succeeded)
        {
            return Refused(email, address, "wrong password", nameof(Keys.SignInFailed));
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            // The right password, and a second step to go: no session until the code is right.
            await TwoFactorLoginViewModel.BeginAsync(signIn.Context, user);
            logger.LogInformation("{Email} typed the right password from {Address}; asked for the second factor", user.Email, address);
            return new LoginOutcome(RedirectTo: TwoFactorLoginViewModel.PathFor(returnUrl));
        }

        var properties = new AuthenticationProperties();
        properties.Items[AuthenticationSetup.SignedInAtKey] = clock.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        await signIn.SignInWithClaimsAsync(user, properties, []);
        logger.LogInformation("{Email} signed in from {Address}", user.Email, address);

        var principal = await signIn.CreateUserPrincipalAsync(user);
        var target = LocalUrl.Safe(returnUrl) is { } local && await returnUrls.MayOpenAsync(principal, local) ? local : Landing.PathFor(principal);
        return new LoginOutcome(RedirectTo: target);
    }

    private LoginOutcome Refused(string email, IPAddress? address, string reason, string message)
    {
        logger.LogWarning("Failed sign-in for {Email} from {Address}: {Reason}", email, address, reason);
        return new LoginOutcome(Error: l[message]);
    }
}
