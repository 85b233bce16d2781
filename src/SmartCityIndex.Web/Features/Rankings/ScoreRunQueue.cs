using System.Collections.Concurrent;
using System.Threading.Channels;
using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// Requests for score runs (a submission approved or reopened, a weight scheme published, start-up), worked off in
/// the background one at a time; requests that arrive within <see cref="Debounce"/> of each other are one run per
/// period. The last failure of each period is kept for admins; the previous run stays the one shown.
/// </summary>
public sealed class ScoreRunQueue
{
    /// <summary>How long the worker waits for more requests before it scores.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(1);

    private readonly Channel<(int PeriodId, string Trigger)> _requests = Channel.CreateUnbounded<(int, string)>();
    private readonly ConcurrentDictionary<int, string> _failures = new();
    private readonly Lock _gate = new();
    private TaskCompletionSource _idle = Idle();
    private int _pending;

    /// <summary>Asks for the period to be scored again, for the reason given.</summary>
    public void Request(int periodId, RunTrigger trigger) => Request(periodId, trigger.Code);

    /// <summary>Asks for the period to be scored again; <paramref name="trigger"/> is stored as given (see <see cref="RunTrigger"/>).</summary>
    public void Request(int periodId, string trigger)
    {
        lock (_gate)
        {
            if (_pending++ == 0)
            {
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _requests.Writer.TryWrite((periodId, trigger));
    }

    /// <summary>Requests not yet worked off (including the one being scored).</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Completes once every request made so far has been worked off (at once when there is none).</summary>
    public Task WhenIdleAsync()
    {
        lock (_gate)
        {
            return _idle.Task;
        }
    }

    /// <summary>Why the newest attempt to score the period failed, if it did.</summary>
    public string? FailureOf(int periodId) => _failures.GetValueOrDefault(periodId);

    internal ChannelReader<(int PeriodId, string Trigger)> Reader => _requests.Reader;

    internal void Done(int count)
    {
        lock (_gate)
        {
            _pending -= count;
            if (_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }

    internal void Failed(int periodId, string? message)
    {
        if (message is null)
        {
            _failures.TryRemove(periodId, out _);
        }
        else
        {
            _failures[periodId] = message;
        }
    }
}
