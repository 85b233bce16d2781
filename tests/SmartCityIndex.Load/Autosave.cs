using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Load;

/// <summary>
/// Autosave under load: <c>sessions</c> officials, each with the entry form of a city of their own open (a scope of
/// the portal's container, as a circuit has), save values at once. Each save is what the form's autosave calls when a
/// field is left: <see cref="SubmissionEntryService.SaveValueAsync"/> (access check, conflict check, the value and its
/// audit entry in one SaveChanges). Timed around that call, in the portal's process, on the portal's database.
/// </summary>
internal static class Autosave
{
    public static async Task RunAsync(InProcessPortal portal, int sessions, int savesEach, int meanIntervalMs)
    {
        var cities = await FreshDraftsAsync(portal, sessions);
        var forms = new List<(AsyncServiceScope Scope, SubmissionEntryService Service, EntryForm Form)>();
        foreach (var city in cities)
        {
            var scope = await portal.ScopeAsAsync(DemoAccounts.AllCitiesOfficial);
            var service = scope.ServiceProvider.GetRequiredService<SubmissionEntryService>();
            var form = await service.OpenAsync(city.Code, city.Year) ?? throw new InvalidOperationException($"cannot open {city.Code}");
            forms.Add((scope, service, form));
        }

        // Warm-up: one save per session, not counted.
        await Task.WhenAll(forms.Select(f => SaveAsync(f.Service, f.Form, 0)));

        var times = new ConcurrentBag<double>();
        var failures = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(forms.Select((f, n) => Task.Run(async () =>
        {
            var random = new Random(n);
            for (var i = 1; i <= savesEach; i++)
            {
                if (meanIntervalMs > 0)
                {
                    // People leave fields at random moments: exponential gaps with the given mean.
                    await Task.Delay(TimeSpan.FromMilliseconds(-Math.Log(1 - random.NextDouble()) * meanIntervalMs));
                }

                var started = Stopwatch.GetTimestamp();
                var saved = await SaveAsync(f.Service, f.Form, i);
                times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (!saved)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })));
        var elapsed = watch.Elapsed;

        foreach (var f in forms)
        {
            await f.Scope.DisposeAsync();
        }

        var mode = meanIntervalMs > 0 ? $"each saving every {meanIntervalMs} ms on average" : "each saving again as soon as the last save returned";
        Console.WriteLine($"autosave, {sessions} officials {mode}: {Percentiles.Of(times)}; " +
            $"{times.Count / elapsed.TotalSeconds:F0} saves/s; {failures} not saved");
    }

    /// <summary>Saves the next value of the form (cycling through its indicators), as leaving a field does.</summary>
    private static async Task<bool> SaveAsync(SubmissionEntryService service, EntryForm form, int i)
    {
        var rows = form.Rows.ToList();
        var row = rows[i % rows.Count];
        var range = row.Indicator.PlausibleRange!.Value;
        var value = range.Min + (range.Max - range.Min) * (0.3m + 0.01m * (i % 40));
        row.Text = NumberInput.Format(Math.Round(value, 2));
        var result = await service.SaveValueAsync(form.SubmissionId, row);
        if (result is SaveResult.Saved saved)
        {
            row.Saved = saved.Value;
            return true;
        }

        return false;
    }

    /// <summary>Deletes the open year's submissions of <paramref name="codes"/>: the next opening starts a fresh draft.</summary>
    public static async Task StartAfreshAsync(InProcessPortal portal, params string[] codes)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>().CreateDbContextAsync();
        var periodId = await context.ReportingPeriods.Where(p => p.Status == PeriodStatus.Open).OrderByDescending(p => p.Year).Select(p => p.Id).FirstAsync();
        var ids = await context.Cities.Where(c => codes.Contains(c.Code)).Select(c => c.Id).ToListAsync();
        await context.Submissions.Where(s => s.ReportingPeriodId == periodId && ids.Contains(s.CityId)).ExecuteDeleteAsync();
    }

    /// <summary>The first <paramref name="count"/> synthetic cities, each with a new empty draft for the open year.</summary>
    private static async Task<List<(string Code, int Year)>> FreshDraftsAsync(InProcessPortal portal, int count)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        await using var context = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>().CreateDbContextAsync();
        var year = await context.ReportingPeriods.Where(p => p.Status == PeriodStatus.Open).MaxAsync(p => p.Year);
        var periodId = await context.ReportingPeriods.Where(p => p.Year == year).Select(p => p.Id).SingleAsync();
        var cities = await context.Cities.Where(c => c.Code.StartsWith("SY-")).OrderBy(c => c.Code).Take(count).ToListAsync();
        if (cities.Count < count)
        {
            throw new InvalidOperationException($"Only {cities.Count} synthetic cities: run sci seed --cities {count + 36} or more.");
        }

        var ids = cities.Select(c => c.Id).ToList();
        await context.Submissions.Where(s => s.ReportingPeriodId == periodId && ids.Contains(s.CityId)).ExecuteDeleteAsync();
        return [.. cities.Select(c => (c.Code, year))];
    }
}
