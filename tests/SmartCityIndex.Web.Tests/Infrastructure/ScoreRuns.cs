namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>The portal scores in the background (at start-up, after approvals): waits until it has nothing left to do.</summary>
public static class ScoreRuns
{
    /// <summary>
    /// Waits for the queue to be idle. On a portal with a <see cref="SteppedClock"/>, moves the clock past the worker's
    /// debounce each time the worker starts waiting it out; on the real clock, the worker waits its second itself.
    /// </summary>
    public static async Task DoneAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<ScoreRunQueue>();
        var idle = queue.WhenIdleAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        if (services.GetRequiredService<TimeProvider>() is SteppedClock clock)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token);
            var waiting = clock.NextTimerAsync(stop.Token).AsTask();
            while (!idle.IsCompleted)
            {
                if (await Task.WhenAny(idle, waiting) == waiting)
                {
                    clock.Advance(await waiting);
                    waiting = clock.NextTimerAsync(stop.Token).AsTask();
                }
            }

            await stop.CancelAsync();
        }

        await idle.WaitAsync(timeout.Token);
        Assert.Equal(0, queue.Pending);
    }
}
