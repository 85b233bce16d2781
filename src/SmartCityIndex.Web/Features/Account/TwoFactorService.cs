using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using OtpNet;
using QRCoder;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>What an authenticator app needs to be set up: the key to type, and the same as a QR code to scan.</summary>
public sealed record AuthenticatorSetup(string Key, string Uri, string QrCodeDataUri);

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, RFC 6238: SHA-1, 6 digits, 30-second steps, as every app reads
/// them) and recovery codes (ASVS 6.5, 6.6). The key is Identity's authenticator key; a code is accepted one step
/// either side of now and only once (the step last used is kept, so a code seen over a shoulder cannot be used again);
/// recovery codes are kept only as password hashes and each works once. A code may be typed with spaces or hyphens, and
/// with full-width digits and letters (a Chinese input method).
/// </summary>
public sealed class TwoFactorService(UserManager<PortalUser> users, IPasswordHasher<PortalUser> hasher, TimeProvider clock)
{
    /// <summary>How many recovery codes a user gets at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>The issuer an authenticator app shows next to the account.</summary>
    public const string Issuer = "SmartCityIndex";

    private const string Provider = "[SmartCityIndex]";
    private const string StepToken = "AuthenticatorStep";
    private const string RecoveryToken = "RecoveryCodes";

    // No 0/o, 1/l/i: a code is read off paper.
    private const string RecoveryAlphabet = "23456789abcdefghjkmnpqrstuvwxyz";
    private static readonly VerificationWindow s_window = new(previous: 1, future: 1);

    /// <summary>A new authenticator key for <paramref name="user"/> (replacing any earlier one), as text and QR code.</summary>
    public async Task<AuthenticatorSetup> NewKeyAsync(PortalUser user)
    {
        await users.ResetAuthenticatorKeyAsync(user);
        return await SetupOfAsync(user) ?? throw new InvalidOperationException("The authenticator key was not stored.");
    }

    /// <summary>The current key of <paramref name="user"/> as text and QR code, or null if none was made.</summary>
    public async Task<AuthenticatorSetup?> SetupOfAsync(PortalUser user)
    {
        if (await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return null;
        }

        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{account}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6&period=30";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(5);
        return new AuthenticatorSetup(Grouped(key), uri, "data:image/png;base64," + Convert.ToBase64String(png));
    }

    /// <summary>
    /// Checks a code from the authenticator app; a code accepted is remembered, so that neither it nor an earlier one
    /// is accepted again. Two sign-ins racing with one code: one wins (the user's concurrency stamp).
    /// </summary>
    public async Task<bool> VerifyCodeAsync(PortalUser user, string? code)
    {
        var digits = Normalised(code);
        if (digits.Length != 6 || !digits.All(char.IsAsciiDigit) || await users.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key)
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var step, s_window))
        {
            return false;
        }

        var last = await users.GetAuthenticationTokenAsync(user, Provider, StepToken);
        if (long.TryParse(last, System.Globalization.CultureInfo.InvariantCulture, out var lastStep) && step <= lastStep)
        {
            return false;
        }

        var stored = await users.SetAuthenticationTokenAsync(user, Provider, StepToken, step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return stored.Succeeded;
    }

    /// <summary>New recovery codes for <paramref name="user"/>, replacing the old ones; shown once, stored only as hashes.</summary>
    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(PortalUser user)
    {
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        var hashes = codes.Select(c => hasher.HashPassword(user, Normalised(c)));
        var stored = await users.SetAuthenticationTokenAsync(user, Provider, RecoveryToken, string.Join(';', hashes));
        return stored.Succeeded ? codes : throw new InvalidOperationException("The recovery codes were not stored: " + string.Join(" ", stored.Errors.Select(e => e.Description)));
    }

    /// <summary>Uses up a recovery code: true (and the code gone) if it was one of the user's.</summary>
    public async Task<bool> RedeemRecoveryCodeAsync(PortalUser user, string? code)
    {
        var typed = Normalised(code);
        var hashes = await RecoveryHashesAsync(user);
        if (typed.Length == 0 || hashes.Count == 0)
        {
            return false;
        }

        var match = hashes.FindIndex(h => hasher.VerifyHashedPassword(user, h, typed) != PasswordVerificationResult.Failed);
        if (match < 0)
        {
            return false;
        }

        hashes.RemoveAt(match);
        var stored = await users.SetAuthenticationTokenAsync(user, Provider, RecoveryToken, string.Join(';', hashes));
        return stored.Succeeded;
    }

    /// <summary>How many unused recovery codes the user has.</summary>
    public async Task<int> RecoveryCodesLeftAsync(PortalUser user) => (await RecoveryHashesAsync(user)).Count;

    /// <summary>Turns two-factor sign-in off and forgets the key, the codes and the last step (a new key next time).</summary>
    public Task ForgetAsync(PortalUser user) => ForgetAsync(users, user);

    /// <summary>
    /// <see cref="ForgetAsync(PortalUser)"/> through the given <paramref name="users"/> (an admin's reset works in a
    /// scope and transaction of its own); the security stamp changes, so the user's sessions end.
    /// </summary>
    public static async Task ForgetAsync(UserManager<PortalUser> users, PortalUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.RemoveAuthenticationTokenAsync(user, Provider, StepToken);
        await users.RemoveAuthenticationTokenAsync(user, Provider, RecoveryToken);
        await users.RemoveAuthenticationTokenAsync(user, "[AspNetUserStore]", "AuthenticatorKey");
        await users.UpdateSecurityStampAsync(user);
    }

    /// <summary>A code as typed, made comparable: full-width forms folded (NFKC), spaces and hyphens dropped, lower case.</summary>
    public static string Normalised(string? code) =>
        string.Concat((code ?? string.Empty).Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c) && c is not '-' and not '‐' and not '－'))
            .ToLowerInvariant();

    private async Task<List<string>> RecoveryHashesAsync(PortalUser user) =>
        (await users.GetAuthenticationTokenAsync(user, Provider, RecoveryToken) ?? string.Empty)
            .Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string NewRecoveryCode()
    {
        var chars = new char[10];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = RecoveryAlphabet[RandomNumberGenerator.GetInt32(RecoveryAlphabet.Length)];
        }

        return $"{new string(chars, 0, 5)}-{new string(chars, 5, 5)}";
    }

    private static string Grouped(string key) => string.Join(' ', key.Chunk(4).Select(c => new string(c)));
}
