using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SmartCityIndex.Infrastructure.Persistence;
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
    private int _pending;

    /// <summary>Asks for the period to be scored again.</summary>
    public void Request(int periodId, string trigger)
    {
        Interlocked.Increment(ref _pending);
        _requests.Writer.TryWrite((periodId, trigger));
    }

    /// <summary>Requests not yet worked off (including the one being scored).</summary>
    public int Pending => Volatile.Read(ref _pending);

    /// <summary>Why the newest attempt to score the period failed, if it did.</summary>
    public string? FailureOf(int periodId) => _failures.GetValueOrDefault(periodId);

    internal ChannelReader<(int PeriodId, string Trigger)> Reader => _requests.Reader;

    internal void Done(int count) => Interlocked.Add(ref _pending, -count);

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

/// <summary>Works off the <see cref="ScoreRunQueue"/>; at start-up, asks for every period with approved data.</summary>
public sealed class ScoreRunWorker(ScoreRunQueue queue, ScoreRunner runner, IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    ILogger<ScoreRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var context = await contextFactory.CreateDbContextAsync(stoppingToken))
            {
                foreach (var period in await context.ReportingPeriods.OrderBy(p => p.Year).Select(p => p.Id).ToListAsync(stoppingToken))
                {
                    queue.Request(period, "start-up");
                }
            }

            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(ScoreRunQueue.Debounce, stoppingToken);
                var batch = new List<(int PeriodId, string Trigger)>();
                while (queue.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                foreach (var period in batch.GroupBy(r => r.PeriodId))
                {
                    await RunAsync(period.Key, string.Join("; ", period.Select(r => r.Trigger).Distinct()), stoppingToken);
                }

                queue.Done(batch.Count);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // shutting down
        }
    }

    private async Task RunAsync(int periodId, string trigger, CancellationToken ct)
    {
        try
        {
            await runner.RunAsync(periodId, trigger.Length > 200 ? trigger[..200] : trigger, ct: ct);
            queue.Failed(periodId, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Score run for period {PeriodId} failed ({Trigger}); the previous run stays the one shown", periodId, trigger);
            queue.Failed(periodId, ex.Message);
        }
    }
}
