namespace SmartCityIndex.Infrastructure.Identity;

/// <summary>
/// A signed-in session, kept on the server: the browser's cookie holds only <see cref="Id"/>, so that signing out,
/// disabling the account or a timeout ends the session for every copy of that cookie at once.
/// </summary>
public sealed class PortalSession
{
    /// <summary>The longest key: 32 random bytes in base64url are 43 characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>A random key, the cookie's only content.</summary>
    public string Id { get; set; } = string.Empty;

    public string UserId { get; set; } = string.Empty;

    /// <summary>When the user typed their password (UTC): the absolute limit counts from here.</summary>
    public DateTime SignedInAt { get; set; }

    /// <summary>The last request or the last input in an open page (UTC): the idle limit counts from here.</summary>
    public DateTime LastSeenAt { get; set; }

    /// <summary>The sign-in ticket (user, roles, security stamp), protected with the portal's data protection keys.</summary>
    public byte[] Ticket { get; set; } = [];
}
