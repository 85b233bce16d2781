using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>
/// The password rules (NIST SP 800-63B style): 12 to 128 characters, no composition rules, and no password that is
/// easy to guess: common passwords, keyboard walks, names and dates, as zxcvbn scores them (score below 3).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= string.Empty;
        if (password.Length > MaximumLength)
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooLong",
                Description = $"The password is longer than {MaximumLength} characters.",
            }));
        }

        if (password.Length < MinimumLength)
        {
            return Task.FromResult(IdentityResult.Success); // Identity's own length rule reports this one.
        }

        var inputs = new[] { user.Email, user.UserName, user.DisplayName }.Where(s => !string.IsNullOrEmpty(s)).Cast<string>();
        var strength = Zxcvbn.Zxcvbn.MatchPassword(password, inputs);
        return Task.FromResult(strength.Score >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooCommon",
                Description = "This password is too easy to guess: it is, or looks like, a common password, a name or a pattern. A few unrelated words make a strong one.",
            }));
    }
}
