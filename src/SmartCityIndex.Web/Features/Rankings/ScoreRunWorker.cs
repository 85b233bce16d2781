using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>Works off the <see cref="ScoreRunQueue"/>; at start-up, asks for every period with approved data.</summary>
public sealed class ScoreRunWorker(ScoreRunQueue queue, ScoreRunner runner, IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    TimeProvider clock, ILogger<ScoreRunWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using (var context = await contextFactory.CreateDbContextAsync(stoppingToken))
            {
                foreach (var period in await context.ReportingPeriods.OrderBy(p => p.Year).Select(p => p.Id).ToListAsync(stoppingToken))
                {
                    queue.Request(period, RunTrigger.StartUp);
                }
            }

            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(ScoreRunQueue.Debounce, clock, stoppingToken);
                var batch = new List<(int PeriodId, string Trigger)>();
                while (queue.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                foreach (var period in batch.GroupBy(r => r.PeriodId))
                {
                    await RunAsync(period.Key, string.Join(RunTrigger.Separator, period.Select(r => r.Trigger).Distinct()), stoppingToken);
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
