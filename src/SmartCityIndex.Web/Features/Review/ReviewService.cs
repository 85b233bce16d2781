using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Infrastructure.Auditing;

namespace SmartCityIndex.Web.Features.Review;

/// <summary>
/// The evaluators' side of the workflow: the queue of a period with its flags, one submission's values, and the
/// decisions (approve, return with comments, reopen). Only evaluators and admins get anything; anyone else gets
/// "not found" and a warning in the log. Decisions check the submission's concurrency stamp as the evaluator saw it,
/// and write their audit entry in the same SaveChanges.
/// </summary>
public sealed class ReviewService(
    IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    CurrentUser currentUser,
    TimeProvider clock,
    Rankings.ScoreRunQueue scoreRuns,
    ILogger<ReviewService> logger)
{
    /// <summary>
    /// The queue. Flags are computed from three set-based reads for the whole period (its submissions, their values,
    /// last year's approved values), never per row, so that a period of 1,000 cities stays one short round of queries.
    /// Null when the caller may not review.
    /// </summary>
    public async Task<ReviewQueue?> GetQueueAsync(ReviewQueueFilter filter, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        if (!access.SeesAllCities)
        {
            Refused(access, "see the review queue of", $"period {filter.PeriodId?.ToString() ?? "latest"}");
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var periods = await context.ReportingPeriods.AsNoTracking()
            .OrderByDescending(p => p.Year)
            .Select(p => new { p.Id, p.Year, p.Status, p.FrameworkId })
            .ToListAsync(ct);
        var provinces = (await context.Cities.AsNoTracking().Select(c => new { c.ProvinceEn, c.ProvinceZh }).Distinct().ToListAsync(ct))
            .OrderBy(p => p.ProvinceEn, StringComparer.Ordinal)
            .Select(p => new ProvinceOption(p.ProvinceEn, p.ProvinceZh))
            .ToList();
        var periodOptions = periods.Select(p => new PeriodOption(p.Id, p.Year, p.Status == PeriodStatus.Open)).ToList();
        var period = filter.PeriodId is { } id
            ? periods.FirstOrDefault(p => p.Id == id)
            : periods.FirstOrDefault(p => p.Status == PeriodStatus.Open) ?? periods.FirstOrDefault();
        if (period is null)
        {
            return ReviewQueue.Empty with { Periods = periodOptions, Provinces = provinces };
        }

        var indicators = await context.Indicators.AsNoTracking().Where(i => i.FrameworkId == period.FrameworkId).ToDictionaryAsync(i => i.Id, ct);
        var submissions = await context.Submissions.AsNoTracking()
            .Where(s => s.ReportingPeriodId == period.Id)
            .Join(context.Cities, s => s.CityId, c => c.Id, (s, c) => new
            {
                s.Id, s.CityId, s.Status, s.SubmittedAt, c.Code, c.NameEn, c.NameZh, c.ProvinceEn, c.ProvinceZh,
            })
            .ToListAsync(ct);
        var values = await (
                from v in context.IndicatorValues
                join s in context.Submissions on v.SubmissionId equals s.Id
                where s.ReportingPeriodId == period.Id
                select new { v.SubmissionId, v.IndicatorId, v.Value, v.NotAvailable })
            .AsNoTracking()
            .ToListAsync(ct);
        var lastYear = await LastYearAsync(context, period.Year, period.FrameworkId, cityId: null, ct);

        var statusOf = submissions.ToDictionary(s => s.Id, s => s.Status);
        var spread = IndicatorSpread.From(values
            .Where(v => v.Value.HasValue && IsScored(statusOf[v.SubmissionId]))
            .Select(v => (v.IndicatorId, v.Value!.Value)));
        var valuesOf = values.ToLookup(v => v.SubmissionId);

        var rows = new List<ReviewQueueRow>();
        foreach (var s in submissions)
        {
            if ((filter.Status is { } status && s.Status != status) || (filter.ProvinceEn is { } province && s.ProvinceEn != province))
            {
                continue;
            }

            int answered = 0, warnings = 0, changes = 0, outliers = 0;
            foreach (var v in valuesOf[s.Id])
            {
                if (!indicators.TryGetValue(v.IndicatorId, out var indicator))
                {
                    continue;
                }

                answered += v.Value.HasValue || v.NotAvailable ? 1 : 0;
                foreach (var flag in ReviewFlags.For(indicator, v.Value, v.NotAvailable, lastYear.GetValueOrDefault((s.CityId, indicator.Id)), spread))
                {
                    warnings += flag.IsWarning ? 1 : 0;
                    changes += flag.Kind == ReviewFlagKind.LargeChange ? 1 : 0;
                    outliers += flag.Kind == ReviewFlagKind.Outlier ? 1 : 0;
                }
            }

            var row = new ReviewQueueRow(s.Id, s.Code, s.NameEn, s.NameZh, s.ProvinceEn, s.ProvinceZh, s.Status, s.SubmittedAt,
                answered, indicators.Count, warnings, changes, outliers);
            if (row.Matches(filter.Search))
            {
                rows.Add(row);
            }
        }

        return new ReviewQueue(
            period.Id, period.Year, periodOptions, provinces,
            [.. rows.OrderBy(r => r.SubmittedAt ?? DateTime.MaxValue).ThenBy(r => r.CityCode, StringComparer.Ordinal)],
            submissions.GroupBy(s => s.Status).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>
    /// One submission with its values grouped by category, flags and history; after a resubmission also each value
    /// as it was at the last return and the value comments of the returns (from the audit trail). Null when not found
    /// or not allowed.
    /// </summary>
    public async Task<ReviewDetail?> GetAsync(int submissionId, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        if (!access.SeesAllCities)
        {
            Refused(access, "review", $"submission {submissionId}");
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var submission = await context.Submissions.AsNoTracking().Include(s => s.Values).Include(s => s.Events).AsSplitQuery()
            .SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
        {
            return null;
        }

        var city = await context.Cities.AsNoTracking().SingleAsync(c => c.Id == submission.CityId, ct);
        var period = await context.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == submission.ReportingPeriodId, ct);
        var categories = await context.Categories.AsNoTracking().Where(c => c.FrameworkId == period.FrameworkId).ToListAsync(ct);
        var indicators = await context.Indicators.AsNoTracking().Where(i => i.FrameworkId == period.FrameworkId).ToListAsync(ct);
        var scored = await (
                from v in context.IndicatorValues
                join s in context.Submissions on v.SubmissionId equals s.Id
                where s.ReportingPeriodId == period.Id && v.Value != null
                    && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Approved)
                select new { v.IndicatorId, v.Value })
            .AsNoTracking()
            .ToListAsync(ct);
        var lastYear = await LastYearAsync(context, period.Year, period.FrameworkId, city.Id, ct);

        var history = submission.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => new ReviewEvent(e.Actor, e.At, e.From, e.To, e.Comment)).ToList();
        var prefix = $"{submission.Id}/";
        var id = submission.Id.ToString(CultureInfo.InvariantCulture);
        var audit = await context.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(IndicatorValue) && a.EntityId.StartsWith(prefix)) || (a.EntityType == nameof(Submission) && a.EntityId == id))
            .ToListAsync(ct);
        var diff = ResubmissionDiff.From(history, audit);
        var lastReturn = history.LastOrDefault(e => e.To == SubmissionStatus.Returned);

        var spread = IndicatorSpread.From(scored.Select(v => (v.IndicatorId, v.Value!.Value)));
        var values = submission.Values.ToDictionary(v => v.IndicatorId);
        var indicatorsOf = indicators.ToLookup(i => i.CategoryId);
        var groups = InTreeOrder(categories)
            .Select(c => new ReviewCategory(c.Code, c.NameEn, c.NameZh, [.. indicatorsOf[c.Id].OrderBy(i => i.SortOrder).Select(i =>
            {
                var value = values.GetValueOrDefault(i.Id);
                var previous = lastYear.GetValueOrDefault((city.Id, i.Id));
                var now = new ReviewedValue(value?.Value, value?.NotAvailable ?? false, value?.NotAvailableReason, value?.Note);
                var comments = diff.CommentsOn(i.Code);
                if (comments.Count == 0 && value?.ReviewComment is { } unaudited && lastReturn is not null)
                {
                    // A return made outside the portal (the demo seeder, a script) has no audit entry: its comment is on the value.
                    comments = [new EarlierComment(lastReturn.At, lastReturn.Actor, unaudited)];
                }

                return new ReviewValueRow(i.Id, i.Code, i.NameEn, i.NameZh, i.Unit, now.Value, now.NotAvailable,
                    now.Reason, now.Note, value?.ReviewComment, previous,
                    ReviewFlags.For(i, now.Value, now.NotAvailable, previous, spread), diff.AtReturn(i.Code, now), comments);
            })]))
            .Where(c => c.Rows.Count > 0)
            .ToList();

        return new ReviewDetail(
            submission.Id, city.Code, city.NameEn, city.NameZh, city.ProvinceEn, city.ProvinceZh, period.Year,
            submission.Status, submission.SubmittedAt, submission.ReviewedAt, submission.ConcurrencyStamp, groups,
            history,
            CanDecide: submission.Status == SubmissionStatus.Submitted,
            CanReopen: access.IsAdmin && submission.Status == SubmissionStatus.Approved,
            ReturnedAt: diff.ReturnedAt);
    }

    /// <summary>Approves a submitted submission (it locks), if it is still as the evaluator saw it (<paramref name="stamp"/>).</summary>
    public Task<ReviewOutcome> ApproveAsync(int submissionId, Guid stamp, string? comment = null, CancellationToken ct = default) =>
        DecideAsync(submissionId, stamp, "Approved", (submission, access, now, _) =>
        {
            if (submission.Status != SubmissionStatus.Submitted)
            {
                return (ReviewOutcome.WrongStatus, null);
            }

            if (Trimmed(comment) is { Length: > SubmissionEvent.MaxCommentLength })
            {
                return (ReviewOutcome.CommentTooLong, null);
            }

            submission.Approve(access.UserName, now, Trimmed(comment));
            return (ReviewOutcome.Done, new { comment = Trimmed(comment) });
        }, ct);

    /// <summary>
    /// Returns a submitted submission to the city with an overall comment (required) and comments on single values
    /// (by indicator id; blank ones are ignored), if it is still as the evaluator saw it.
    /// </summary>
    public Task<ReviewOutcome> ReturnAsync(int submissionId, Guid stamp, string comment, IReadOnlyDictionary<int, string>? valueComments = null, CancellationToken ct = default) =>
        DecideAsync(submissionId, stamp, "Returned", (submission, access, now, codes) =>
        {
            if (Trimmed(comment) is not { } overall)
            {
                return (ReviewOutcome.CommentRequired, null);
            }

            if (submission.Status != SubmissionStatus.Submitted)
            {
                return (ReviewOutcome.WrongStatus, null);
            }

            // Only indicators of the submission's framework; a stray id would otherwise become a new value row.
            var comments = (valueComments ?? new Dictionary<int, string>())
                .Where(c => codes.ContainsKey(c.Key) && !string.IsNullOrWhiteSpace(c.Value))
                .ToDictionary(c => c.Key, c => c.Value.Trim());
            if (overall.Length > SubmissionEvent.MaxCommentLength || comments.Values.Any(c => c.Length > IndicatorValue.MaxReviewCommentLength))
            {
                return (ReviewOutcome.CommentTooLong, null);
            }

            submission.Return(access.UserName, now, overall, comments);
            return (ReviewOutcome.Done, new { comment = overall, valueComments = comments.ToDictionary(c => codes[c.Key], c => c.Value) });
        }, ct);

    /// <summary>Reopens an approved submission (admins only, with a reason): it goes back to the city as returned.</summary>
    public Task<ReviewOutcome> ReopenAsync(int submissionId, Guid stamp, string reason, CancellationToken ct = default) =>
        DecideAsync(submissionId, stamp, "Reopened", (submission, access, now, _) =>
        {
            if (!access.IsAdmin)
            {
                Refused(access, "reopen", $"submission {submissionId}");
                return (ReviewOutcome.NotAllowed, null);
            }

            if (Trimmed(reason) is not { } why)
            {
                return (ReviewOutcome.CommentRequired, null);
            }

            if (submission.Status != SubmissionStatus.Approved)
            {
                return (ReviewOutcome.WrongStatus, null);
            }

            if (why.Length > SubmissionEvent.MaxCommentLength)
            {
                return (ReviewOutcome.CommentTooLong, null);
            }

            submission.Reopen(access.UserName, now, why);
            return (ReviewOutcome.Done, new { reason = why });
        }, ct);

    /// <summary>
    /// Loads the submission, checks access and the stamp, applies the decision, and saves it with its audit entry in
    /// one SaveChanges. The stamp the evaluator saw becomes the original value EF checks, so a change made between
    /// this load and the save is refused by the database too.
    /// </summary>
    private async Task<ReviewOutcome> DecideAsync(
        int submissionId,
        Guid stamp,
        string action,
        Func<Submission, Access, DateTime, IReadOnlyDictionary<int, string>, (ReviewOutcome Outcome, object? Details)> decide,
        CancellationToken ct)
    {
        var access = await currentUser.GetAsync(ct);
        if (!access.SeesAllCities)
        {
            Refused(access, "decide on", $"submission {submissionId} ({action})");
            return ReviewOutcome.NotFound;
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var submission = await context.Submissions.Include(s => s.Values).SingleOrDefaultAsync(s => s.Id == submissionId, ct);
        if (submission is null)
        {
            return ReviewOutcome.NotFound;
        }

        if (submission.ConcurrencyStamp != stamp)
        {
            logger.LogInformation("{User} could not {Action} submission {SubmissionId}: it changed since it was loaded", access.UserName, action, submissionId);
            return ReviewOutcome.Conflict;
        }

        var period = await context.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == submission.ReportingPeriodId, ct);
        var city = await context.Cities.AsNoTracking().Where(c => c.Id == submission.CityId).Select(c => c.Code).SingleAsync(ct);
        var codes = await context.Indicators.AsNoTracking().Where(i => i.FrameworkId == period.FrameworkId).ToDictionaryAsync(i => i.Id, i => i.Code, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var from = submission.Status;
        var (outcome, details) = decide(submission, access, now, codes);
        if (outcome != ReviewOutcome.Done)
        {
            return outcome;
        }

        context.Entry(submission).Property(s => s.ConcurrencyStamp).OriginalValue = stamp;
        context.Record(access.UserName, now, nameof(Submission), submission.Id, action,
            new { status = from.ToString() }, new { status = submission.Status.ToString(), details }, AuditChannel.Form);
        try
        {
            await context.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("{User} could not {Action} submission {SubmissionId}: it changed while saving", access.UserName, action, submissionId);
            return ReviewOutcome.Conflict;
        }

        logger.LogInformation("{User} {Action} submission {SubmissionId} ({City} {Year}): {From} -> {To}",
            access.UserName, action.ToLowerInvariant(), submission.Id, city, period.Year, from, submission.Status);
        if (from == SubmissionStatus.Approved || submission.Status == SubmissionStatus.Approved)
        {
            scoreRuns.Request(period.Id, Infrastructure.Scoring.RunTrigger.Review(action, city, period.Year, access.UserName));
        }

        return ReviewOutcome.Done;
    }

    /// <summary>
    /// Last year's approved values by (city, indicator id of this year's framework), matched on the indicator code,
    /// since last year may have used another framework version.
    /// </summary>
    private static async Task<Dictionary<(int CityId, int IndicatorId), decimal?>> LastYearAsync(
        SmartCityIndexDbContext context, int year, int frameworkId, int? cityId, CancellationToken ct)
    {
        var rows = await (
                from p in context.ReportingPeriods
                where p.Year == year - 1
                join s in context.Submissions on p.Id equals s.ReportingPeriodId
                where s.Status == SubmissionStatus.Approved && (cityId == null || s.CityId == cityId)
                join v in context.IndicatorValues on s.Id equals v.SubmissionId
                where v.Value != null
                join before in context.Indicators on v.IndicatorId equals before.Id
                join now in context.Indicators on before.Code equals now.Code
                where now.FrameworkId == frameworkId
                select new { s.CityId, IndicatorId = now.Id, v.Value })
            .AsNoTracking()
            .ToListAsync(ct);
        // Nullable values, so that a missing key reads as null rather than as a last-year value of 0.
        return rows.ToDictionary(r => (r.CityId, r.IndicatorId), r => r.Value);
    }

    /// <summary>Categories depth-first in the framework's order, parents before their children.</summary>
    private static IEnumerable<Category> InTreeOrder(IReadOnlyList<Category> categories)
    {
        var childrenOf = categories.ToLookup(c => c.ParentId);
        IEnumerable<Category> Walk(int? parentId) =>
            childrenOf[parentId].OrderBy(c => c.SortOrder).ThenBy(c => c.Code, StringComparer.Ordinal).SelectMany(c => Walk(c.Id).Prepend(c));
        return Walk(null);
    }

    private static bool IsScored(SubmissionStatus status) => status is SubmissionStatus.Submitted or SubmissionStatus.Approved;

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void Refused(Access access, string action, string target) =>
        logger.LogWarning("Refused: {User} may not {Action} {Target}", access.UserName, action, target);
}
