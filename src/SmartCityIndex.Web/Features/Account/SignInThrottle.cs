using System.Net;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// Failed sign-ins counted where Identity's lockout does not reach (probe finding 6): per network address, so that one
/// address can neither guess across many accounts nor lock more than a few of them; and per e-mail address that has
/// no account, locked after as many failures and for as long as a real account, so that the answers do not tell
/// which e-mail addresses have an account. Kept in memory (a restart forgets them), bounded in size.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock)
{
    /// <summary>Failed sign-ins from one network address within <see cref="Window"/> before it must wait.</summary>
    public const int MaxFailuresPerAddress = 20;

    /// <summary>As Identity's lockout (IdentitySetup): 5 failures, then 15 minutes.</summary>
    public const int MaxFailuresPerAccount = 5;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int MaxEntries = 100_000;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<DateTimeOffset>> _byAddress = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _unknownEmails = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When the address may try again, if it has failed too often lately.</summary>
    public DateTimeOffset? AddressBlockedUntil(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            if (!_byAddress.TryGetValue(Key(address), out var failures))
            {
                return null;
            }

            Expire(failures, now);
            return failures.Count >= MaxFailuresPerAddress ? failures.Peek() + Window : null;
        }
    }

    public void AddressFailed(IPAddress? address)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            var key = Key(address);
            if (!_byAddress.TryGetValue(key, out var failures))
            {
                _byAddress[key] = failures = new Queue<DateTimeOffset>();
            }

            Expire(failures, now);
            failures.Enqueue(now);
        }
    }

    /// <summary>Whether an e-mail address without an account is "locked", as an account would be after as many failures.</summary>
    public bool IsUnknownEmailLocked(string email)
    {
        lock (_gate)
        {
            return _unknownEmails.TryGetValue(email.Trim(), out var entry) && entry.LockedUntil > clock.GetUtcNow();
        }
    }

    /// <summary>Counts a failure for an e-mail address without an account; true when it now counts as locked.</summary>
    public bool UnknownEmailFailed(string email)
    {
        var now = clock.GetUtcNow();
        lock (_gate)
        {
            Prune(now);
            var key = email.Trim();
            var (failures, lockedUntil) = _unknownEmails.GetValueOrDefault(key);
            if (lockedUntil <= now)
            {
                failures = 0; // as Identity: the count starts again once a lockout has ended
            }

            failures++;
            _unknownEmails[key] = failures >= MaxFailuresPerAccount ? (0, now + Window) : (failures, null);
            return failures >= MaxFailuresPerAccount;
        }
    }

    private static string Key(IPAddress? address) =>
        address is null ? "-" : (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).ToString();

    private static void Expire(Queue<DateTimeOffset> failures, DateTimeOffset now)
    {
        while (failures.Count > 0 && failures.Peek() + Window <= now)
        {
            failures.Dequeue();
        }
    }

    /// <summary>Keeps memory bounded: entries with nothing left to count go; past the cap, everything does.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_byAddress.Count + _unknownEmails.Count < MaxEntries)
        {
            return;
        }

        foreach (var (key, failures) in _byAddress)
        {
            Expire(failures, now);
            if (failures.Count == 0)
            {
                _byAddress.Remove(key);
            }
        }

        foreach (var (key, entry) in _unknownEmails)
        {
            if (entry.LockedUntil is not { } until || until <= now)
            {
                _unknownEmails.Remove(key);
            }
        }

        if (_byAddress.Count + _unknownEmails.Count >= MaxEntries)
        {
            _byAddress.Clear();
            _unknownEmails.Clear();
        }
    }
}
