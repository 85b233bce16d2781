using SmartCityIndex.Domain;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Infrastructure.Auditing;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>
/// The officials' side of the workflow: what is due, the entry form, saving one value at a time, submitting.
/// Every method checks that the caller is an official of the city; anything else is "not found" (null) and logged.
/// </summary>
public sealed class SubmissionEntryService(
    IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<SharedResource> text,
    EntryRowValidator validator,
    ILogger<SubmissionEntryService> logger) : IEntryStore
{
    /// <summary>For each of my cities and each open period: status, completeness and deadline.</summary>
    public async Task<IReadOnlyList<MySubmissionRow>> ListMineAsync(CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        if (!access.IsOfficial)
        {
            return [];
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var cities = await context.Cities.AsNoTracking().Where(c => access.CityIds.Contains(c.Id)).OrderBy(c => c.Code).ToListAsync(ct);
        var periods = await context.ReportingPeriods.AsNoTracking().Where(p => p.Status == PeriodStatus.Open).OrderByDescending(p => p.Year).ToListAsync(ct);
        var periodIds = periods.Select(p => p.Id).ToList();
        var required = await context.Indicators.AsNoTracking()
            .GroupBy(i => i.FrameworkId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var submissions = await context.Submissions.AsNoTracking()
            .Where(s => access.CityIds.Contains(s.CityId) && periodIds.Contains(s.ReportingPeriodId))
            .Select(s => new
            {
                s.CityId, s.ReportingPeriodId, s.Status, s.UpdatedAt,
                Answered = s.Values.Count(v => v.Value != null || v.NotAvailable),
                Comments = s.Values.Any(v => v.ReviewComment != null),
            })
            .ToListAsync(ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var byCityAndPeriod = submissions.ToDictionary(s => (s.CityId, s.ReportingPeriodId));
        return [.. (from p in periods
                    from c in cities
                    let s = byCityAndPeriod.GetValueOrDefault((c.Id, p.Id))
                    select new MySubmissionRow(c.Code, c.NameEn, c.NameZh, p.Year, s?.Status, s?.Answered ?? 0,
                        required.GetValueOrDefault(p.FrameworkId), p.ClosesOn, p.ClosesOn.DayNumber - today.DayNumber, s?.UpdatedAt, s?.Comments ?? false))
                   .OrderBy(r => MySubmissionRow.Urgency(r.Status)).ThenBy(r => r.ClosesOn)];
    }

    /// <summary>
    /// The form for a city and year, creating the draft on first opening; null when the city or period does not
    /// exist or the caller is not one of the city's officials (the page then says "not found").
    /// </summary>
    public async Task<EntryForm?> OpenAsync(string cityCode, int year, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var city = await context.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Code == cityCode, ct);
        var period = await context.ReportingPeriods.AsNoTracking().SingleOrDefaultAsync(p => p.Year == year, ct);
        if (city is null || period is null || !access.IsOfficial || !access.CanSee(city.Id))
        {
            Refused(access, "open", $"{cityCode}/{year}");
            return null;
        }

        var submission = await context.Submissions.Include(s => s.Values).Include(s => s.Events).AsSingleQuery()
            .SingleOrDefaultAsync(s => s.CityId == city.Id && s.ReportingPeriodId == period.Id, ct);
        if (submission is null)
        {
            if (period.Status != PeriodStatus.Open)
            {
                return null;
            }

            var now = clock.GetUtcNow().UtcDateTime;
            submission = new Submission(city.Id, period.Id, now);
            context.Submissions.Add(submission);
            await context.SaveChangesAsync(ct);
            context.Record(access.UserName, now, nameof(Submission), submission.Id, "Created", null, new { city = city.Code, year }, AuditChannel.Form);
            await context.SaveChangesAsync(ct);
        }

        return await BuildFormAsync(context, city, period, submission, ct);
    }

    /// <summary>Saves one value, if nobody else changed it since the form loaded it.</summary>
    /// <summary>How often a save is tried again when other saves of the same submission land at the same moment.</summary>
    private const int MaxSaveAttempts = 10;

    public async Task<SaveResult?> SaveValueAsync(int submissionId, EntryRow row, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        var change = ReadInput(row);
        if (change.Error is not null)
        {
            return new SaveResult.Invalid(change.Error);
        }

        for (var attempt = 0; ; attempt++)
        {
            await using var context = await contextFactory.CreateDbContextAsync(ct);
            var submission = await context.Submissions.Include(s => s.Values).SingleOrDefaultAsync(s => s.Id == submissionId, ct);
            if (submission is null || !access.IsOfficial || !access.CanSee(submission.CityId))
            {
                Refused(access, "save a value of", $"submission {submissionId}");
                return null;
            }

            if (!submission.IsEditable)
            {
                return new SaveResult.Locked(submission.Status);
            }

            var indicatorId = row.Indicator.Id;
            var theirs = ValueSnapshot.Of(submission.Values.FirstOrDefault(v => v.IndicatorId == indicatorId));
            var mine = change.Snapshot;
            if (mine == theirs)
            {
                // Nothing to change: leaving a field just saved, or a save tried again whose first try was committed
                // although its answer was lost (a connection cut at the commit, a restart): saved, not a conflict.
                return new SaveResult.Saved(submission.UpdatedAt, mine);
            }

            if (theirs != row.Saved)
            {
                return new SaveResult.ConflictWith(theirs, submission.UpdatedAt);
            }

            var now = clock.GetUtcNow().UtcDateTime;

            if (mine.NotAvailable)
            {
                submission.SetNotAvailable(indicatorId, mine.Reason!, mine.Note, now);
            }
            else
            {
                submission.SetValue(indicatorId, mine.Value, mine.Note, now);
            }

            context.Record(access.UserName, now, nameof(IndicatorValue), $"{submissionId}/{row.Indicator.Code}", "Changed",
                Describe(theirs), Describe(mine), AuditChannel.Form);
            try
            {
                await context.SaveChangesAsync(ct);
                return new SaveResult.Saved(now, mine);
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException or DataConflictException && attempt < MaxSaveAttempts - 1)
            {
                // (A first value of an indicator saved twice at once meets the unique key rather than the stamp.)
                // Someone saved another value of this submission at the same moment (the submission's stamp moved):
                // reload and check this value again. Each round one of the savers wins, so this ends.
            }
            catch (Exception e) when (e is DbUpdateConcurrencyException or DataConflictException)
            {
                logger.LogWarning("Saving {Indicator} of submission {Submission} lost {Attempts} races in a row; told as a conflict",
                    row.Indicator.Code, submissionId, MaxSaveAttempts);
                await using var fresh = await contextFactory.CreateDbContextAsync(ct);
                var latest = await fresh.Submissions.AsNoTracking().Include(s => s.Values).SingleAsync(s => s.Id == submissionId, ct);
                return new SaveResult.ConflictWith(ValueSnapshot.Of(latest.Values.FirstOrDefault(v => v.IndicatorId == indicatorId)), latest.UpdatedAt);
            }
        }
    }

    /// <summary>Sends the submission for review when every value is answered, valid and explained; else the problems.</summary>
    public async Task<IReadOnlyList<SubmitProblem>?> SubmitAsync(int submissionId, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var submission = await context.Submissions.Include(s => s.Values).Include(s => s.Events).AsSingleQuery().SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null || !access.IsOfficial || !access.CanSee(submission.CityId))
        {
            Refused(access, "submit", $"submission {submissionId}");
            return null;
        }

        var city = await context.Cities.AsNoTracking().SingleAsync(c => c.Id == submission.CityId, ct);
        var period = await context.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == submission.ReportingPeriodId, ct);
        var form = await BuildFormAsync(context, city, period, submission, ct);
        var problems = form.Rows
            .Select(r => (r.Indicator.Code, Problem: ProblemOf(r)))
            .Where(p => p.Problem is not null)
            .Select(p => new SubmitProblem(p.Code, p.Problem!))
            .ToList();
        if (problems.Count > 0)
        {
            return problems;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var from = submission.Status;
        submission.Submit(access.UserName, now);
        context.Record(access.UserName, now, nameof(Submission), submission.Id, "Submitted", new { status = from.ToString() }, new { status = submission.Status.ToString() }, AuditChannel.Form);
        try
        {
            await context.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return [new SubmitProblem("—", text[nameof(Keys.ChangedMeanwhile)].Value)];
        }

        logger.LogInformation("{User} submitted {City} {Year}", access.UserName, city.Code, period.Year);
        return [];
    }

    /// <summary>
    /// Of the indicators given, those whose value in the submission the signed-in person changed last (audit trail);
    /// null when they may not see the submission.
    /// </summary>
    public async Task<IReadOnlySet<string>?> ChangedLastByMeAsync(int submissionId, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var cityId = await context.Submissions.Where(s => s.Id == submissionId).Select(s => (int?)s.CityId).SingleOrDefaultAsync(ct);
        if (cityId is not { } city || !access.IsOfficial || !access.CanSee(city))
        {
            Refused(access, "read who changed the values of", $"submission {submissionId}");
            return null;
        }

        var ids = indicatorCodes.Select(code => $"{submissionId}/{code}").ToList();
        var changes = await context.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(IndicatorValue) && ids.Contains(a.EntityId))
            .Select(a => new { a.Id, a.EntityId, a.UserName })
            .ToListAsync(ct);
        return changes.GroupBy(a => a.EntityId).Select(g => g.MaxBy(a => a.Id)!)
            .Where(a => a.UserName == access.UserName)
            .Select(a => a.EntityId[(a.EntityId.IndexOf('/') + 1)..])
            .ToHashSet();
    }

    private string? ProblemOf(EntryRow row)
    {
        if (!row.IsAnswered)
        {
            return text[nameof(Keys.ProblemMissing)].Value;
        }

        if (row.Findings.Any(f => f.Severity == CheckSeverity.Error))
        {
            return text[nameof(Keys.ProblemError)].Value;
        }

        return row.NeedsComment ? text[nameof(Keys.ProblemNeedsComment)].Value : null;
    }

    private async Task<EntryForm> BuildFormAsync(SmartCityIndexDbContext context, City city, ReportingPeriod period, Submission submission, CancellationToken ct)
    {
        var framework = await context.Frameworks.AsNoTracking().Include(f => f.Categories).Include(f => f.Indicators).AsSplitQuery()
            .SingleAsync(f => f.Id == period.FrameworkId, ct);
        var lastYear = await context.Submissions.AsNoTracking()
            .Where(s => s.CityId == city.Id && s.Status == SubmissionStatus.Approved)
            .Join(context.ReportingPeriods.Where(p => p.Year == period.Year - 1), s => s.ReportingPeriodId, p => p.Id, (s, p) => s.Id)
            .SelectMany(id => context.IndicatorValues.Where(v => v.SubmissionId == id && v.Value != null))
            .Join(context.Indicators, v => v.IndicatorId, i => i.Id, (v, i) => new { i.Code, v.Value })
            .ToListAsync(ct);
        var previous = lastYear.ToDictionary(v => v.Code, v => v.Value);
        var values = submission.Values.ToDictionary(v => v.IndicatorId);
        var indicatorsByCategory = framework.Indicators.ToLookup(i => i.CategoryId);

        var categories = framework.Categories.OrderBy(c => c.SortOrder).Select(c => new EntryCategory(c.Code, c.NameEn, c.NameZh,
            [.. indicatorsByCategory[c.Id].OrderBy(i => i.SortOrder).Select(i => EntryRow.Of(
                i, ValueSnapshot.Of(values.GetValueOrDefault(i.Id)), previous.GetValueOrDefault(i.Code), values.GetValueOrDefault(i.Id)?.ReviewComment))])).Where(c => c.Rows.Count > 0).ToList();

        return new EntryForm
        {
            SubmissionId = submission.Id,
            CityCode = city.Code,
            CityEn = city.NameEn,
            CityZh = city.NameZh,
            Year = period.Year,
            ClosesOn = period.ClosesOn,
            Status = submission.Status,
            UpdatedAt = submission.UpdatedAt,
            // The events come back in no particular order (on PostgreSQL the return was sometimes not the last one read).
            ReturnComment = submission.Status == SubmissionStatus.Returned
                ? submission.Events.OrderBy(e => e.At).ThenBy(e => e.Id).LastOrDefault(e => e.To == SubmissionStatus.Returned)?.Comment
                : null,
            Categories = categories,
        };
    }

    /// <summary>Reads the inputs of a row into a value to save, or the validator's message saying what is wrong with them.</summary>
    public (ValueSnapshot Snapshot, string? Error) ReadInput(EntryRow row)
    {
        var result = validator.Validate(row);
        if (!result.IsValid)
        {
            return (default, result.Errors[0].ErrorMessage);
        }

        var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
        if (row.NotAvailable)
        {
            return (new ValueSnapshot(null, true, row.Reason!.Trim(), note), null);
        }

        return NumberInput.TryParse(row.Text, out var value)
            ? (new ValueSnapshot(value, false, null, note), null)
            : (new ValueSnapshot(null, false, null, note), null);
    }

    private static object Describe(ValueSnapshot v) => new { value = v.Value, notAvailable = v.NotAvailable, reason = v.Reason, note = v.Note };

    private void Refused(Access access, string action, string target) =>
        logger.LogWarning("Refused: {User} may not {Action} {Target}", access.UserName, action, target);
}
