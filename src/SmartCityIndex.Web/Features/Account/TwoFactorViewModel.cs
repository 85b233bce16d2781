using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>What the two-factor page shows.</summary>
/// <param name="Enabled">Two-factor sign-in is on for the user.</param>
/// <param name="Required">The user is an admin and the portal requires two factors of admins.</param>
/// <param name="CodesLeft">Unused recovery codes.</param>
/// <param name="Setup">The key being set up (after "Set up", until it is turned on).</param>
/// <param name="NewCodes">Recovery codes just made, shown this once.</param>
/// <param name="Message">What the last action did or why it was refused.</param>
/// <param name="Succeeded">Whether <paramref name="Message"/> is good news.</param>
public sealed record TwoFactorState(
    bool Enabled,
    bool Required,
    int CodesLeft,
    AuthenticatorSetup? Setup = null,
    IReadOnlyList<string>? NewCodes = null,
    string? Message = null,
    bool Succeeded = false);

/// <summary>
/// The two-factor page's rules, without the page: set up a key (a new one each time), turn two-factor sign-in on with
/// a code from the app (which proves the app has the key) and get recovery codes shown once; with a current code, new
/// recovery codes or turning it off (not for an admin when the portal requires it). Every change is logged and changes
/// the security stamp, so the user's other sessions end within a minute; this one goes on, marked as opened with two
/// factors once a code was right. Wrong codes count towards the account's lockout, as on the sign-in page: at the
/// limit the account locks and this session ends.
/// </summary>
public sealed class TwoFactorViewModel(
    SignInManager<PortalUser> signIn,
    UserManager<PortalUser> users,
    TwoFactorService twoFactor,
    IConfiguration configuration,
    IStringLocalizer<SharedResource> l,
    ILogger<TwoFactorViewModel> logger)
{
    /// <summary>
    /// The page as it is now for the signed-in user: a key set up and not yet turned on is shown again (a reload, or a
    /// dropped connection, does not lose the key already scanned).
    /// </summary>
    public async Task<TwoFactorState> LoadAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new TwoFactorState(false, false, 0);
        }

        var state = await StateAsync(user);
        return state.Enabled ? state : state with { Setup = await twoFactor.SetupOfAsync(user) };
    }

    /// <summary>A new key to scan (any key set up before and not turned on is replaced).</summary>
    public async Task<TwoFactorState> SetUpAsync(ClaimsPrincipal principal)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new TwoFactorState(false, false, 0);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return await StateAsync(user);
        }

        var setup = await twoFactor.NewKeyAsync(user);
        await SignInAgainAsync(user, multiFactor: false); // the key changed the security stamp
        logger.LogInformation("{Email} began setting up two-factor sign-in", user.Email);
        return await StateAsync(user) with { Setup = setup };
    }

    /// <summary>Turns two-factor sign-in on if <paramref name="code"/> is right for the key set up.</summary>
    public async Task<TwoFactorState> TurnOnAsync(ClaimsPrincipal principal, string? code, IPAddress? address)
    {
        if (await users.GetUserAsync(principal) is not { } user)
        {
            return new TwoFactorState(false, false, 0);
        }

        if (await users.GetTwoFactorEnabledAsync(user))
        {
            return await StateAsync(user);
        }

        var setup = await twoFactor.SetupOfAsync(user);
        if (setup is null)
        {
            return await StateAsync(user);
        }

        if (await CheckCodeAsync(user, code, address) is { } refused)
        {
            return await StateAsync(user) with { Message = refused.Message, Setup = refused.SignedOut ? null : setup };
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await twoFactor.NewRecoveryCodesAsync(user);
        await SignInAgainAsync(user, multiFactor: true);
        logger.LogWarning("{Email} turned two-factor sign-in on from {Address}", user.Email, address);
        return await StateAsync(user) with { NewCodes = codes, Message = l[nameof(Keys.TwoFactorTurnedOn)], Succeeded = true };
    }

    /// <summary>New recovery codes, the old ones void, if <paramref name="code"/> is right.</summary>
    public async Task<TwoFactorState> NewCodesAsync(ClaimsPrincipal principal, string? code, IPAddress? address)
    {
        if (await users.GetUserAsync(principal) is not { } user || !await users.GetTwoFactorEnabledAsync(user))
        {
            return await LoadAsync(principal);
        }

        if (await CheckCodeAsync(user, code, address) is { } refused)
        {
            return await StateAsync(user) with { Message = refused.Message };
        }

        var codes = await twoFactor.NewRecoveryCodesAsync(user);
        logger.LogWarning("{Email} made new recovery codes from {Address}", user.Email, address);
        return await StateAsync(user) with { NewCodes = codes, Message = l[nameof(Keys.TwoFactorCodesReplaced)], Succeeded = true };
    }

    /// <summary>Turns two-factor sign-in off if <paramref name="code"/> is right and the portal does not require it.</summary>
    public async Task<TwoFactorState> TurnOffAsync(ClaimsPrincipal principal, string? code, IPAddress? address)
    {
        if (await users.GetUserAsync(principal) is not { } user || !await users.GetTwoFactorEnabledAsync(user))
        {
            return await LoadAsync(principal);
        }

        if (IsRequired(principal))
        {
            logger.LogWarning("Refused turning two-factor sign-in off for {Email}: required for admins", user.Email);
            return await StateAsync(user) with { Message = l[nameof(Keys.TwoFactorCannotTurnOff)] };
        }

        if (await CheckCodeAsync(user, code, address) is { } refused)
        {
            return await StateAsync(user) with { Message = refused.Message };
        }

        await twoFactor.ForgetAsync(user);
        await SignInAgainAsync(user, multiFactor: false);
        logger.LogWarning("{Email} turned two-factor sign-in off from {Address}", user.Email, address);
        return await StateAsync(user) with { Message = l[nameof(Keys.TwoFactorTurnedOff)], Succeeded = true };
    }

    private bool IsRequired(ClaimsPrincipal principal) =>
        principal.IsInRole(PortalRoles.Admin) && configuration.GetValue<bool>(TwoFactorGate.RequireForAdminsKey);

    private async Task<TwoFactorState> StateAsync(PortalUser user) =>
        new(await users.GetTwoFactorEnabledAsync(user),
            await users.IsInRoleAsync(user, PortalRoles.Admin) && configuration.GetValue<bool>(TwoFactorGate.RequireForAdminsKey),
            await twoFactor.RecoveryCodesLeftAsync(user));

    /// <summary>Null if the code is right; otherwise why not, and whether the session ended (at the lockout).</summary>
    private async Task<(string Message, bool SignedOut)?> CheckCodeAsync(PortalUser user, string? code, IPAddress? address)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return (l[nameof(Keys.TwoFactorCodeRequired)], false);
        }

        if (await twoFactor.VerifyCodeAsync(user, code))
        {
            await users.ResetAccessFailedCountAsync(user);
            return null;
        }

        await users.AccessFailedAsync(user);
        if (await users.IsLockedOutAsync(user))
        {
            logger.LogWarning("{Email} is locked out after wrong codes on the two-factor page from {Address}; signed out", user.Email, address);
            await signIn.SignOutAsync();
            return (l[nameof(Keys.TwoFactorLockedOutSignedOut)], true);
        }

        logger.LogWarning("Wrong authenticator code on the two-factor page for {Email} from {Address}", user.Email, address);
        return (l[nameof(Keys.TwoFactorCodeWrong)], false);
    }

    /// <summary>The same session again after a change of the security stamp, keeping its time of sign-in.</summary>
    private async Task SignInAgainAsync(PortalUser user, bool multiFactor)
    {
        var current = await signIn.Context.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var used = multiFactor || current.Principal is { } p && TwoFactorGate.UsedTwoFactors(p);
        await signIn.SignInWithClaimsAsync(user, current.Properties ?? new AuthenticationProperties(), used ? [TwoFactorGate.MultiFactor()] : []);
    }
}
