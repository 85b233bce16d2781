using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using SmartCityIndex.Web.Features.Users;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>What a password change ends with: a message for the form, whether it was changed, and field errors.</summary>
public sealed record PasswordChangeOutcome(string? Message = null, bool Succeeded = false, string? NewError = null, string? ConfirmError = null);

/// <summary>
/// The change-password page's rules, without the page: the new password's length in characters and its repetition
/// checked first, in the user's language; then the current password checked as the sign-in checks it, failures
/// counted, so that a session left open (or taken) cannot be used to try passwords without end: at the limit the
/// account locks and the session ends. Identity's refusals (the password policy) are in the user's language too.
/// </summary>
public sealed class ChangePasswordViewModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    IStringLocalizer<SharedResource> l,
    ILogger<ChangePasswordViewModel> logger)
{
    public async Task<PasswordChangeOutcome> ChangeAsync(ClaimsPrincipal principal, string? current, string? next, string? confirm, IPAddress? address)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new PasswordChangeOutcome();
        }

        var newError = PasswordPolicy.Characters(next) is >= PasswordPolicy.MinimumLength and <= PasswordPolicy.MaximumLength
            ? null
            : l[nameof(Keys.UserPasswordLength), PasswordPolicy.MinimumLength, PasswordPolicy.MaximumLength].Value;
        var confirmError = confirm == next ? null : l[nameof(Keys.PasswordsDiffer)].Value;
        if (string.IsNullOrEmpty(current) || newError is not null || confirmError is not null)
        {
            return new PasswordChangeOutcome(string.IsNullOrEmpty(current) ? l[nameof(Keys.CurrentPasswordRequired)].Value : null, NewError: newError, ConfirmError: confirmError);
        }

        var check = await signIn.CheckPasswordSignInAsync(user, current, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            logger.LogWarning("{Email} is locked out after wrong current passwords on the change-password form from {Address}; signed out", user.Email, address);
            await signIn.SignOutAsync();
            return new PasswordChangeOutcome(l[nameof(Keys.PasswordLockedOut)]);
        }

        if (!check.Succeeded)
        {
            logger.LogWarning("Wrong current password on the change-password form for {Email} from {Address}", user.Email, address);
            return new PasswordChangeOutcome(l[nameof(Keys.CurrentPasswordWrong)]);
        }

        var result = await users.ChangePasswordAsync(user, current, next!);
        if (!result.Succeeded)
        {
            return new PasswordChangeOutcome(string.Join(" ", UserMessages.Describe(l, result.Errors)));
        }

        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{Email} changed their password", user.Email);
        return new PasswordChangeOutcome(l[nameof(Keys.PasswordChanged)], Succeeded: true);
    }
}
