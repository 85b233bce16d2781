using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Load;

/// <summary>
/// A full score run of the newest period whose submissions are all approved (1,000 cities after sci seed), as the
/// background worker makes it: read the approved values and the framework, score, 1,000-replication sensitivity
/// analysis, store the run with every city's results. Timed end to end and by phase, <c>--runs</c> times.
/// </summary>
internal static class ScoreRunTiming
{
    public static async Task RunAsync(InProcessPortal portal, int runs)
    {
        var runner = portal.Services.GetRequiredService<ScoreRunner>();
        var contexts = portal.Services.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>();
        int period;
        await using (var context = await contexts.CreateDbContextAsync())
        {
            period = await context.ReportingPeriods
                .Where(p => context.Submissions.Any(s => s.ReportingPeriodId == p.Id) && !context.Submissions.Any(s => s.ReportingPeriodId == p.Id && s.Status != SubmissionStatus.Approved))
                .OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync();
        }

        await runner.RunAsync(period, "warm-up", force: true);
        var load = new List<double>();
        var score = new List<double>();
        var total = new List<double>();
        var cities = 0;
        for (var i = 0; i < runs; i++)
        {
            var watch = Stopwatch.StartNew();
            var inputs = await runner.LoadAsync(period);
            load.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            ScoreRunner.Score(inputs!);
            score.Add(watch.Elapsed.TotalMilliseconds);
            cities = inputs!.CityIds.Count;

            watch.Restart();
            await runner.RunAsync(period, "timing", force: true);
            total.Add(watch.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine($"score run, {cities} cities x {(await runner.LoadAsync(period))!.Structure.IndicatorCount} indicators, 1,000 replications: " +
            $"end to end {Percentiles.Of(total)}; reading the inputs {Percentiles.Of(load)}; scoring + sensitivity {Percentiles.Of(score)}");
    }
}
