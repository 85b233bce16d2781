using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// The sign-in cookie's sessions, kept in the database (the cookie holds only a random key): signing out, disabling
/// an account and the limits (<see cref="AuthenticationSetup.IdleTimeout"/> since the last request or input in an
/// open page, <see cref="AuthenticationSetup.AbsoluteTimeout"/> since the password was typed) end a session for every
/// copy of its cookie and every open page at once (ASVS 7.3, 7.4).
/// </summary>
/// <remarks>
/// When the database cannot be reached, a session read in the last <see cref="AuthenticationSetup.IdleTimeout"/> is
/// trusted from memory, within its limits, so that a database restart signs nobody out and pages that need no data
/// (sign-in, health) still answer; an unknown one is treated as signed out. A session signed out of meanwhile ends
/// all the same: its key is remembered as ended (a tombstone that every read checks first), the cookie is deleted, and
/// its row is deleted at the next read or sign-in that reaches the database. The tombstone is in this process's memory:
/// several portals behind one load balancer see the row go when one of them next reaches the database.
/// </remarks>
public sealed class SessionStore(
    IDbContextFactory<SmartCityIndexDbContext> contexts,
    IDataProtectionProvider protection,
    TimeProvider clock,
    ILogger<SessionStore> logger) : ITicketStore
{
    /// <summary>The claim that carries the session's key in the signed-in user, so that an open page can check it.</summary>
    public const string SessionClaim = "sci.session";

    private readonly IDataProtector _protector = protection.CreateProtector("SmartCityIndex.Sessions");
    private readonly ConcurrentDictionary<string, PortalSession> _recent = new(StringComparer.Ordinal);

    /// <summary>Sessions signed out of (key, when), refused whatever the database says; kept for the absolute limit.</summary>
    private readonly ConcurrentDictionary<string, DateTime> _ended = new(StringComparer.Ordinal);

    /// <summary>Of <see cref="_ended"/>, those whose row could not be deleted yet (the database was out of reach).</summary>
    private readonly ConcurrentDictionary<string, byte> _undeleted = new(StringComparer.Ordinal);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        StoreAsync(ticket, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var now = Now;
        var session = new PortalSession
        {
            Id = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32)),
            UserId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier)
                ?? throw new InvalidOperationException("A session needs the user's id."),
            SignedInAt = SignedInAt(ticket) ?? now,
            LastSeenAt = now,
            Ticket = Protect(ticket),
        };
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        context.Sessions.Add(session);
        await context.SaveChangesAsync(cancellationToken);

        // Sessions past their limits that nobody signed out of go at the next sign-in.
        DateTime idleSince = now - AuthenticationSetup.IdleTimeout, signedInSince = now - AuthenticationSetup.AbsoluteTimeout;
        await context.Sessions.Where(s => s.LastSeenAt < idleSince || s.SignedInAt < signedInSince).ExecuteDeleteAsync(cancellationToken);
        foreach (var (key, old) in _recent)
        {
            if (EndReason(old, now) is not null)
            {
                _recent.TryRemove(key, out _);
            }
        }

        await DeleteEndedAsync(context, cancellationToken);

        _recent[session.Id] = session;
        return session.Id;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken) =>
        RenewAsync(key, ticket, cancellationToken);

    /// <summary>A sliding renewal (or a refreshed sign-in): the new ticket, seen now. An ended session stays ended.</summary>
    public async Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken)
    {
        var now = Now;
        var bytes = Protect(ticket);
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        await context.Sessions.Where(s => s.Id == key)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, bytes).SetProperty(s => s.LastSeenAt, now), cancellationToken);
        if (_recent.TryGetValue(key, out var session))
        {
            _recent[key] = new PortalSession { Id = key, UserId = session.UserId, SignedInAt = session.SignedInAt, LastSeenAt = now, Ticket = bytes };
        }
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, CancellationToken.None);

    /// <summary>As <see cref="RetrieveAsync(string, CancellationToken)"/>; the cookie of an ended session is deleted.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var ticket = await RetrieveAsync(key, cancellationToken);
        if (ticket is null && !httpContext.Response.HasStarted)
        {
            httpContext.Response.Cookies.Delete(AuthenticationSetup.CookieName);
        }

        return ticket;
    }

    /// <summary>The session's ticket, its expiry counted from when it was last seen; null once it has ended.</summary>
    public async Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken)
    {
        var session = await FindAsync(key, cancellationToken);
        if (session is null)
        {
            return null;
        }

        if (EndReason(session, Now) is { } reason)
        {
            await EndAsync(session, reason, cancellationToken);
            return null;
        }

        var ticket = Unprotect(session.Ticket);
        if (ticket is null)
        {
            logger.LogWarning("The session of user {UserId} could not be read (data protection keys changed); it ends", session.UserId);
            await EndAsync(session, "unreadable", cancellationToken);
            return null;
        }

        ticket.Properties.IssuedUtc = DateTime.SpecifyKind(session.LastSeenAt, DateTimeKind.Utc);
        ticket.Properties.ExpiresUtc = ticket.Properties.IssuedUtc + AuthenticationSetup.IdleTimeout;
        if (ticket.Principal.Identity is ClaimsIdentity identity && !identity.HasClaim(c => c.Type == SessionClaim))
        {
            identity.AddClaim(new Claim(SessionClaim, key));
        }

        return ticket;
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, CancellationToken.None);

    public Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken) => RemoveAsync(key, cancellationToken);

    /// <summary>
    /// Signing out (or an expired cookie): the session ends for every copy of the cookie, at once, even while the
    /// database cannot be reached (its row is then deleted when it can be).
    /// </summary>
    public async Task RemoveAsync(string key, CancellationToken cancellationToken)
    {
        _ended[key] = Now;
        _undeleted[key] = 0;
        _recent.TryRemove(key, out _);
        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await DeleteEndedAsync(context, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            logger.LogWarning("A session ended while the database cannot be reached: refused from now on, its row deleted when the database is back");
        }
    }

    /// <summary>
    /// An open page's check (every <see cref="AuthenticationSetup.RevalidationInterval"/>): true while its session
    /// lasts. The last input in the page (<paramref name="lastInputAt"/>, UTC) counts as being seen.
    /// </summary>
    public async Task<bool> IsOpenAsync(ClaimsPrincipal user, DateTime lastInputAt, CancellationToken cancellationToken)
    {
        if (user.FindFirstValue(SessionClaim) is not { } key)
        {
            return false;
        }

        PortalSession? session;
        try
        {
            session = await FindAsync(key, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            return true; // FindAsync trusts what it has seen; a page it has not seen waits for the database rather than closing
        }

        if (session is null)
        {
            return false;
        }

        if (lastInputAt > session.LastSeenAt)
        {
            try
            {
                await using var context = await contexts.CreateDbContextAsync(cancellationToken);
                await context.Sessions.Where(s => s.Id == key).ExecuteUpdateAsync(u => u.SetProperty(s => s.LastSeenAt, lastInputAt), cancellationToken);
            }
            catch (Exception e) when (DatabaseOutage.Is(e))
            {
                logger.LogWarning("Could not record that session of user {UserId} was active: the database cannot be reached", session.UserId);
            }

            session = new PortalSession { Id = key, UserId = session.UserId, SignedInAt = session.SignedInAt, LastSeenAt = lastInputAt, Ticket = session.Ticket };
            _recent[key] = session;
        }

        if (EndReason(session, Now) is { } reason)
        {
            await EndAsync(session, reason, cancellationToken);
            return false;
        }

        return true;
    }

    /// <summary>Ends every session of a user at once (the account disabled), in the caller's transaction.</summary>
    public async Task EndAllAsync(SmartCityIndexDbContext context, string userId, CancellationToken cancellationToken)
    {
        foreach (var (key, session) in _recent)
        {
            if (session.UserId == userId)
            {
                _recent.TryRemove(key, out _);
            }
        }

        await context.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task<PortalSession?> FindAsync(string key, CancellationToken cancellationToken)
    {
        if (_ended.ContainsKey(key))
        {
            logger.LogWarning("A cookie of a session that has ended was refused");
            await TryDeleteEndedAsync(cancellationToken);
            return null;
        }

        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await DeleteEndedAsync(context, cancellationToken);
            var session = await context.Sessions.AsNoTracking().SingleOrDefaultAsync(s => s.Id == key, cancellationToken);
            if (session is null)
            {
                _recent.TryRemove(key, out _);
                logger.LogWarning("A cookie of a session that has ended was refused");
                return null;
            }

            session.SignedInAt = DateTime.SpecifyKind(session.SignedInAt, DateTimeKind.Utc);
            session.LastSeenAt = DateTime.SpecifyKind(session.LastSeenAt, DateTimeKind.Utc);
            _recent[key] = session;
            return session;
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            if (_recent.TryGetValue(key, out var known))
            {
                logger.LogWarning("The database cannot be reached: the session of user {UserId} is trusted from memory", known.UserId);
                return known;
            }

            logger.LogWarning("The database cannot be reached: a session not seen before is treated as signed out");
            return null;
        }
    }

    /// <summary>
    /// Deletes the rows of sessions signed out of while the database was away, and forgets tombstones past the
    /// absolute limit (a session that old has ended by its own limits, row or not).
    /// </summary>
    private async Task DeleteEndedAsync(SmartCityIndexDbContext context, CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var (key, at) in _ended)
        {
            if (now - at > AuthenticationSetup.AbsoluteTimeout && !_undeleted.ContainsKey(key))
            {
                _ended.TryRemove(key, out _);
            }
        }

        if (_undeleted.IsEmpty)
        {
            return;
        }

        var keys = _undeleted.Keys.ToList();
        await context.Sessions.Where(s => keys.Contains(s.Id)).ExecuteDeleteAsync(cancellationToken);
        foreach (var key in keys)
        {
            _undeleted.TryRemove(key, out _);
        }
    }

    private async Task TryDeleteEndedAsync(CancellationToken cancellationToken)
    {
        if (_undeleted.IsEmpty)
        {
            return;
        }

        try
        {
            await using var context = await contexts.CreateDbContextAsync(cancellationToken);
            await DeleteEndedAsync(context, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            // Still away: the rows go at the next read that reaches the database; the tombstones refuse them meanwhile.
        }
    }

    private async Task EndAsync(PortalSession session, string reason, CancellationToken cancellationToken)
    {
        logger.LogInformation("The session of user {UserId} ended: {Reason}", session.UserId, reason);
        try
        {
            await RemoveAsync(session.Id, cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            // It has ended all the same: its limits are checked again whenever it is read.
        }
    }

    private static string? EndReason(PortalSession session, DateTime now) =>
        now - session.SignedInAt > AuthenticationSetup.AbsoluteTimeout ? $"{AuthenticationSetup.AbsoluteTimeout.TotalHours:0} hours since sign-in"
        : now - session.LastSeenAt > AuthenticationSetup.IdleTimeout ? $"{AuthenticationSetup.IdleTimeout.TotalMinutes:0} idle minutes"
        : null;

    private static DateTime? SignedInAt(AuthenticationTicket ticket) =>
        ticket.Properties.Items.TryGetValue(AuthenticationSetup.SignedInAtKey, out var text)
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var at)
            ? at.UtcDateTime
            : null;

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private AuthenticationTicket? Unprotect(byte[] bytes)
    {
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
