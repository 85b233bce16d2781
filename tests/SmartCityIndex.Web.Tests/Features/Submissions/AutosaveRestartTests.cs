using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Web.Features.Submissions;
using Xunit.Abstractions;

namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>
/// A fault run (issue 11): 50 officials, each at the entry form of a city of their own (the 36 demo cities and 14 made
/// up), type values one after another while the throwaway PostgreSQL cluster is stopped and started again under them.
/// Each official is what a circuit holds: their own <see cref="SubmissionEntryService"/> and signed-in user, their own
/// <see cref="EntryFormViewModel"/> and clock, run on a scheduler that runs one thing at a time as a circuit's renderer
/// does. At the end every value typed is in the database once, with the value typed last, and in the audit trail once
/// per value saved; every form said the database was away during the outage and stopped saying so afterwards.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class AutosaveRestartTests(OutageCluster outage, ITestOutputHelper output)
{
    private const int Officials = 50;
    private const int RowsEach = 20;

    /// <summary>The time between two keys of a person typing (on the form's clock, below the debounce).</summary>
    private static readonly TimeSpan KeyPause = TimeSpan.FromMilliseconds(120);

    [Fact]
    public async Task Autosave_FiftyOfficialsWhilePostgreSqlRestarts_NoValueLostOrSavedTwice()
    {
        var run = Stopwatch.StartNew();
        await using var portal = await SeededServices.CreateAsync(DatabaseProvider.PostgreSql, outage.Cluster);
        var (year, accounts) = await OfficialsAsync(portal.Database);
        var officials = new List<Official>();
        foreach (var (city, email) in accounts)
        {
            var official = new Official(city, await portal.EntryAsync(email));
            await official.OpenAsync(year);
            officials.Add(official);
        }

        var phase = new Phase();
        var typing = officials.Select(o => o.Run(() => o.TypeAsync(RowsEach, phase))).ToList();

        // The database goes away once a third of the values are typed, while every official is in mid-form.
        var setUp = run.Elapsed;
        while (officials.Sum(o => o.Typed.Count) < Officials * RowsEach / 3 && !typing.All(t => t.IsCompleted))
        {
            await Task.Delay(20);
        }

        var typedBefore = officials.Sum(o => o.Typed.Count);
        var down = Stopwatch.StartNew();
        phase.Set(Phase.Down);
        await outage.Cluster.StopAsync();
        try
        {
            // At least 5 s, and until every form has met the outage (at most 20 s).
            while (down.Elapsed < TimeSpan.FromSeconds(5) || (officials.Any(o => o.ShownAwayAt is null) && down.Elapsed < TimeSpan.FromSeconds(20)))
            {
                await Task.Delay(50);
            }
        }
        finally
        {
            phase.Set(Phase.Back);
            await outage.Cluster.StartAgainAsync();
        }

        var outageLength = down.Elapsed;
        var back = Stopwatch.StartNew();
        await Task.WhenAll(typing);
        await Task.WhenAll(officials.Select(o => o.Run(o.DrainAsync)));
        var drained = back.Elapsed;

        // What the database holds, against what each official typed last.
        await using var context = portal.Database.CreateContext();
        var submissionIds = officials.Select(o => o.Model.Form!.SubmissionId).ToList();
        var stored = await context.IndicatorValues.AsNoTracking().Where(v => submissionIds.Contains(v.SubmissionId))
            .Join(context.Indicators, v => v.IndicatorId, i => i.Id, (v, i) => new { v.SubmissionId, i.Code, v.Value }).ToListAsync();
        var entityIds = officials.SelectMany(o => o.Typed.Keys.Select(code => $"{o.Model.Form!.SubmissionId}/{code}")).ToList();
        var audited = (await context.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(IndicatorValue) && entityIds.Contains(a.EntityId))
                .Select(a => new { a.Id, a.EntityId, a.NewValues }).ToListAsync())
            .OrderBy(a => a.Id).GroupBy(a => a.EntityId).ToDictionary(g => g.Key, g => g.Select(a => ValueOf(a.NewValues)).ToList());

        int typed = 0, lost = 0, duplicated = 0, auditDuplicated = 0, auditWrong = 0;
        foreach (var official in officials)
        {
            var id = official.Model.Form!.SubmissionId;
            foreach (var (code, texts) in official.Typed)
            {
                typed++;
                var rows = stored.Where(v => v.SubmissionId == id && v.Code == code).ToList();
                lost += rows.Count == 0 || rows[^1].Value != texts[^1] ? 1 : 0;
                duplicated += Math.Max(0, rows.Count - 1);
                var trail = audited.GetValueOrDefault($"{id}/{code}") ?? [];
                // A save applied twice shows as the same value twice in a row, or as more entries than values typed.
                auditDuplicated += trail.Zip(trail.Skip(1)).Count(p => p.First == p.Second) + Math.Max(0, trail.Count - texts.Distinct().Count());
                auditWrong += trail.Count == 0 || trail[^1] != texts[^1] || trail.Any(v => !texts.Contains(v!.Value)) ? 1 : 0;
            }
        }

        var untyped = stored.Count(v => !officials.Single(o => o.Model.Form!.SubmissionId == v.SubmissionId).Typed.ContainsKey(v.Code));
        var shown = officials.Count(o => o.ShownAwayAt is not null);
        var cleared = officials.Count(o => !o.Model.DatabaseUnreachable && !o.Model.IsSaving);
        var problems = officials.SelectMany(o => o.Model.Form!.Rows.Where(r => r.Error is not null || r.Conflict is not null)
            .Select(r => $"{o.City}/{r.Indicator.Code}: error {r.Error}, conflict {r.Conflict}")).ToList();
        output.WriteLine($"{Officials} officials, {RowsEach} values each: {typed} values typed ({officials.Sum(o => o.Retyped)} typed again while the database was away), {typedBefore} before the stop");
        output.WriteLine($"PostgreSQL stopped for {outageLength.TotalSeconds:0.0} s; the last form saved everything {drained.TotalSeconds:0.0} s after the restart began");
        output.WriteLine($"lost {lost}, duplicated {duplicated}, stored but never typed {untyped}; audit entries {audited.Values.Sum(t => t.Count)}, duplicated {auditDuplicated}, not matching what was typed {auditWrong}");
        output.WriteLine($"forms that said 'database unreachable, values kept' during the outage {shown}/{Officials}, before it {officials.Count(o => o.FalseAlarm)}; cleared afterwards {cleared}/{Officials}; rows left with an error or a conflict {problems.Count}");
        output.WriteLine($"set-up {setUp.TotalSeconds:0.0} s, whole run {run.Elapsed.TotalSeconds:0.0} s");

        Assert.Empty(problems);
        Assert.Equal((Officials * RowsEach, 0, 0, 0), (typed, lost, duplicated, untyped));
        Assert.Equal((0, 0), (auditDuplicated, auditWrong));
        Assert.Equal((Officials, Officials, 0), (shown, cleared, officials.Count(o => o.FalseAlarm)));
    }

    /// <summary>
    /// 50 officials with a city each: the demo cities and made-up ones, each city's open-year submission removed so
    /// that every form starts empty; the accounts stored as the admin would create them (no password: nobody signs in).
    /// </summary>
    private static async Task<(int Year, List<(string City, string Email)> Accounts)> OfficialsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var demo = await context.Cities.CountAsync();
        for (var n = 1; n <= Officials - demo; n++)
        {
            context.Cities.Add(new City($"XX-F{n:00}", $"Faultville {n}", $"故障城{n}", "Testland", "测试省", 1_000_000 + n, CityTier.Third));
        }

        await context.SaveChangesAsync();
        var cities = await context.Cities.OrderBy(c => c.Code).Take(Officials).ToListAsync();
        var period = await context.ReportingPeriods.Where(p => p.Status == Domain.Periods.PeriodStatus.Open).OrderByDescending(p => p.Year).FirstAsync();
        var cityIds = cities.Select(c => c.Id).ToList();
        await context.Submissions.Where(s => s.ReportingPeriodId == period.Id && cityIds.Contains(s.CityId)).ExecuteDeleteAsync();
        var role = await context.Roles.SingleAsync(r => r.Name == PortalRoles.Official);
        var accounts = new List<(string, string)>();
        foreach (var city in cities)
        {
            var email = $"fault.{city.Code.ToLowerInvariant()}@sci.test";
            var user = new PortalUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = $"Official of {city.NameEn}", SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            user.Cities.Add(new UserCity { CityId = city.Id });
            context.Users.Add(user);
            context.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role.Id });
            accounts.Add((city.Code, email));
        }

        await context.SaveChangesAsync();
        return (period.Year, accounts);
    }

    private static decimal? ValueOf(string? json) =>
        json is null ? null : JsonDocument.Parse(json).RootElement.GetProperty("value") is { ValueKind: JsonValueKind.Number } v ? v.GetDecimal() : null;

    /// <summary>Where the run is: the database up, stopped, or started again.</summary>
    private sealed class Phase
    {
        public const int Up = 0, Down = 1, Back = 2;

        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Set(int value) => Volatile.Write(ref _value, value);
    }

    /// <summary>One official's open form, as their circuit holds it.</summary>
    private sealed class Official
    {
        private readonly SubmissionEntryService _entry;
        private readonly FakeTimeProvider _clock = new();

        // One thing at a time, as a circuit's renderer: the view model's state is never touched from two threads.
        private readonly TaskFactory _circuit = new(new ConcurrentExclusiveSchedulerPair().ExclusiveScheduler);
        private Phase? _phase;

        public Official(string city, SubmissionEntryService entry)
        {
            City = city;
            _entry = entry;
            Model = new EntryFormViewModel(entry, _clock, work => work(), Changed);
        }

        public string City { get; }

        public EntryFormViewModel Model { get; }

        /// <summary>What was typed into each value, in order (the last is what must be stored).</summary>
        public Dictionary<string, List<decimal>> Typed { get; } = [];

        public int Retyped { get; private set; }

        /// <summary>When the form first said the database was away (while it was).</summary>
        public DateTime? ShownAwayAt { get; private set; }

        /// <summary>The form said the database was away while it was up.</summary>
        public bool FalseAlarm { get; private set; }

        public Task Run(Func<Task> work) => _circuit.StartNew(work).Unwrap();

        public async Task OpenAsync(int year)
        {
            await Run(() => Model.LoadAsync(City, year));
            Assert.NotNull(Model.Form);
        }

        /// <summary>Types a value into each of the first <paramref name="rows"/> rows, key by key, pausing for the autosave after each.</summary>
        public async Task TypeAsync(int rows, Phase phase)
        {
            _phase = phase;
            var form = Model.Form!.Rows.Take(rows).ToList();
            for (var i = 0; i < form.Count; i++)
            {
                await TypeIntoAsync(form[i], 1);

                // The first value the database could not take is changed again while it waits: the last one typed must win.
                if (Model.DatabaseUnreachable && Retyped == 0 && Model.IsPending(form[i]))
                {
                    Retyped++;
                    await TypeIntoAsync(form[i], 2);
                }

                if (Model.DatabaseUnreachable)
                {
                    _clock.Advance(EntryFormViewModel.LongestRetry); // the retry's pause passes while the person types on
                    await Model.WhenSavedAsync();
                }
            }
        }

        /// <summary>After the run: the retries' pauses pass until everything is saved (at most 20 of them).</summary>
        public async Task DrainAsync()
        {
            for (var i = 0; i < 20 && (Model.IsSaving || Model.DatabaseUnreachable); i++)
            {
                _clock.Advance(EntryFormViewModel.LongestRetry);
                await Model.WhenSavedAsync();
            }
        }

        private async Task TypeIntoAsync(EntryRow row, int version)
        {
            var value = ValueFor(row, version);
            var text = value.ToString(CultureInfo.InvariantCulture);
            for (var length = 1; length <= text.Length; length++)
            {
                Model.Edit(row, EntryField.Value, text[..length]);
                _clock.Advance(KeyPause);
            }

            (Typed.TryGetValue(row.Indicator.Code, out var texts) ? texts : Typed[row.Indicator.Code] = []).Add(value);
            _clock.Advance(EntryFormViewModel.Debounce);
            await Model.WhenSavedAsync();
        }

        /// <summary>A value inside the indicator's hard range, different per city and version.</summary>
        private decimal ValueFor(EntryRow row, int version)
        {
            var share = (City.Sum(c => c) % 50 + 25 * version) / 100m;
            return row.Indicator.HardRange is { } hard
                ? Math.Round(hard.Min + (hard.Max - hard.Min) * share, 2)
                : Math.Round(10 + 90 * share, 2);
        }

        private void Changed()
        {
            if (!Model.DatabaseUnreachable || _phase is null)
            {
                return;
            }

            if (_phase.Value == Phase.Up)
            {
                FalseAlarm = true;
            }
            else
            {
                ShownAwayAt ??= DateTime.UtcNow;
            }
        }
    }
}
