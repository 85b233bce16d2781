using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when something starts waiting on it (a timer is created, as
/// <c>Task.Delay(delay, clock)</c> does), so that a test can move the clock on exactly then, without sleeping.
/// </summary>
public sealed class SteppedClock() : FakeTimeProvider(DateTimeOffset.UtcNow)
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created (at once for one created since the last call).</summary>
    public ValueTask<TimeSpan> NextTimerAsync(CancellationToken ct) => _timers.Reader.ReadAsync(ct);
}
