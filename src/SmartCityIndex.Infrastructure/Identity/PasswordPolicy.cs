using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>
/// The password rules (NIST SP 800-63B style): 12 to 128 characters, no composition rules, and no password that is
/// easy to guess: common passwords, keyboard walks, names and dates, as zxcvbn scores them (score below 3).
/// Characters are Unicode code points, as NIST counts them: an emoji is one character, not the two UTF-16 units that
/// .NET's <c>string.Length</c> and Identity's own length rule count (six emoji are not twelve characters).
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<PortalUser>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 128;

    /// <summary>The length of <paramref name="password"/> in characters (Unicode code points).</summary>
    public static int Characters(string? password) => password is null ? 0 : password.EnumerateRunes().Count();

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        password ??= string.Empty;
        var characters = Characters(password);
        if (characters > MaximumLength)
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

        if (characters < MinimumLength)
        {
            // Long enough in UTF-16 units for Identity's rule, too short in characters.
            return Task.FromResult(IdentityResult.Failed(new IdentityError
            {
                Code = "PasswordTooShort",
                Description = $"Passwords must be at least {MinimumLength} characters.",
            }));
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
