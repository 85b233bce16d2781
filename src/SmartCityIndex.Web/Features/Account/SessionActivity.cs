using Microsoft.JSInterop;

namespace SmartCityIndex.Web.Features.Account;

/// <summary>
/// When the person at an open page last typed, clicked or scrolled (reported by the browser at most once a minute,
/// see <c>sciWatchActivity</c> in app.js), for the idle limit: re-renders the server starts, and the connection's
/// own keep-alive, are not activity.
/// </summary>
public sealed class SessionActivity(TimeProvider clock)
{
    private long _lastInputTicks = clock.GetUtcNow().UtcTicks; // the page's opening counts

    /// <summary>UTC.</summary>
    public DateTime LastInputAt => new(Interlocked.Read(ref _lastInputTicks), DateTimeKind.Utc);

    [JSInvokable]
    public void Touch() => Interlocked.Exchange(ref _lastInputTicks, clock.GetUtcNow().UtcTicks);
}
