using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Web.Features.Rankings;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>The portal scores in the background (at start-up, after approvals): waits until it has nothing left to do.</summary>
public static class ScoreRuns
{
    public static async Task DoneAsync(IServiceProvider services)
    {
        var queue = services.GetRequiredService<ScoreRunQueue>();
        for (var i = 0; i < 600 && queue.Pending > 0; i++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, queue.Pending);
    }
}
