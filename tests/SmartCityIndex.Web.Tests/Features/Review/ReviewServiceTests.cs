using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Review;

namespace SmartCityIndex.Web.Tests.Features.Review;

public sealed class ReviewServiceTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private static readonly DateTime DecidedAt = new(2026, 3, 2, 10, 30, 0, DateTimeKind.Utc);
    private readonly ListLogger<ReviewService> _log = new();
    private readonly ScoreRunQueue _runs = new();

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetQueueAsync_Default_ListsTheSubmittedOnesOfTheOpenPeriodWithTheirFlagCounts(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;

        var queue = await Service(database, TestUsers.Evaluator(database)).GetQueueAsync(new ReviewQueueFilter());

        Assert.NotNull(queue);
        Assert.Equal(2025, queue.Year);
        Assert.Equal(graph.SubmittedIds.Order(), queue.Rows.Select(r => r.SubmissionId).Order());
        Assert.All(queue.Rows, r => Assert.Equal(SubmissionStatus.Submitted, r.Status));
        Assert.All(queue.Rows, r => Assert.Equal((3, 3), (r.Answered, r.Indicators)));
        var target = queue.Rows.Single(r => r.SubmissionId == graph.TargetId);
        Assert.Equal(("Targetville", "目标市", "Zhejiang"), (target.CityEn, target.CityZh, target.ProvinceEn));
        Assert.Equal((2, 1, 1), (target.Warnings, target.LargeChanges, target.Outliers));
        Assert.All(queue.Rows.Where(r => r != target), r => Assert.Equal((0, 0, 0), (r.Warnings, r.LargeChanges, r.Outliers)));
        Assert.Equal(14, queue.StatusCounts[SubmissionStatus.Submitted]);
        Assert.Equal(6, queue.StatusCounts[SubmissionStatus.Approved]);
        Assert.Equal(1, queue.StatusCounts[SubmissionStatus.Draft]);
        Assert.Equal([2025, 2024], queue.Periods.Select(p => p.Year));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetQueueAsync_FilterByProvinceStatusAndSearch_NarrowsTheRows(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));

        var jiangsu = await service.GetQueueAsync(new ReviewQueueFilter(ProvinceEn: "Jiangsu", Status: null));
        var approved = await service.GetQueueAsync(new ReviewQueueFilter(Status: SubmissionStatus.Approved));
        var search = await service.GetQueueAsync(new ReviewQueueFilter(Search: "目标"));
        var lastYear = await service.GetQueueAsync(new ReviewQueueFilter(PeriodId: jiangsu!.Periods.Single(p => p.Year == 2024).Id, Status: null));

        Assert.Equal(10, jiangsu.Rows.Count);
        Assert.All(jiangsu.Rows, r => Assert.Equal("江苏", r.ProvinceZh));
        Assert.Equal(6, approved!.Rows.Count);
        Assert.Equal(graph.TargetId, Assert.Single(search!.Rows).SubmissionId);
        Assert.Equal(2024, lastYear!.Year);
        Assert.Equal(ReviewGraph.Cities, lastYear.Rows.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_FlaggedSubmission_GroupsValuesByCategoryWithLastYearAndFlags(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;

        var detail = await Service(database, TestUsers.Evaluator(database)).GetAsync(graph.TargetId);

        Assert.NotNull(detail);
        Assert.Equal(["INF", "SVC"], detail.Categories.Select(c => c.Code));
        var rows = detail.Rows.ToDictionary(r => r.Code);
        Assert.Equal((38m, 50m), (rows["A01"].Value, rows["A01"].LastYear));
        Assert.Equal(new ReviewFlag(ReviewFlagKind.OutsidePlausibleRange, true, 40, 100), Assert.Single(rows["A01"].Flags));
        Assert.Equal(new ReviewFlag(ReviewFlagKind.LargeChange, true, ChangeRatio: 0.8m), Assert.Single(rows["B01"].Flags));
        var outlier = Assert.Single(rows["C01"].Flags);
        Assert.Equal(ReviewFlagKind.Outlier, outlier.Kind);
        Assert.InRange(outlier.Z!.Value, 4.0, 4.5);
        Assert.Equal("source " + graph.Indicators.C, rows["C01"].Note);
        Assert.Equal([(SubmissionStatus.Draft, SubmissionStatus.Submitted)], detail.History.Select(e => (e.From, e.To)));
        Assert.True(detail.CanDecide);
        Assert.False(detail.CanReopen);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_DraftOfACityWithoutLastYear_ShowsNoLastYearValueAndTheUnansweredOnes(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;

        var detail = await Service(database, TestUsers.Evaluator(database)).GetAsync(graph.DraftId);

        Assert.NotNull(detail);
        Assert.All(detail.Rows, r => Assert.Null(r.LastYear));
        Assert.Equal((1, 3), (detail.Answered, detail.Total));
        Assert.Equal(900_000m, detail.Rows.Single(r => r.Code == "C01").Value);
        Assert.Empty(detail.History);
        Assert.False(detail.CanDecide);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApproveAsync_Submitted_LocksItKeepsTheValuesAndWritesHistoryAndAudit(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));
        var stamp = (await service.GetAsync(graph.TargetId))!.ConcurrencyStamp;

        var outcome = await service.ApproveAsync(graph.TargetId, stamp, "Checked against the yearbook");

        Assert.Equal(ReviewOutcome.Done, outcome);
        await using var check = database.CreateContext();
        var saved = await check.Submissions.Include(s => s.Values).Include(s => s.Events).SingleAsync(s => s.Id == graph.TargetId);
        Assert.Equal(SubmissionStatus.Approved, saved.Status);
        Assert.False(saved.IsEditable);
        Assert.Equal([38m, 180m, 5000m], saved.Values.OrderBy(v => v.IndicatorId).Select(v => v.Value!.Value));
        Assert.NotEqual(stamp, saved.ConcurrencyStamp);
        var step = saved.Events.OrderBy(e => e.At).Last();
        Assert.Equal((DemoAccounts.Evaluator, DecidedAt, SubmissionStatus.Submitted, SubmissionStatus.Approved, "Checked against the yearbook"),
            (step.Actor, step.At, step.From, step.To, step.Comment));
        var audit = Assert.Single(await check.AuditEntries.ToListAsync());
        Assert.Equal((DemoAccounts.Evaluator, "Submission", graph.TargetId.ToString(), "Approved", AuditChannel.Form),
            (audit.UserName, audit.EntityType, audit.EntityId, audit.Action, audit.Channel));
        Assert.Contains("\"Submitted\"", audit.OldValues);
        Assert.Contains("\"Approved\"", audit.NewValues);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("approved submission"));
        Assert.Equal(1, _runs.Pending); // the period is scored again with the approved values
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReturnAsync_WithValueComments_SetsTheCommentsOnThoseValuesAndWritesHistoryAndAudit(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));
        var stamp = (await service.GetAsync(graph.TargetId))!.ConcurrencyStamp;

        var outcome = await service.ReturnAsync(graph.TargetId, stamp, "Please check A and B.",
            new Dictionary<int, string> { [graph.Indicators.A] = "Below the plausible range: source?", [graph.Indicators.B] = "  ", [999_999] = "not ours" });

        Assert.Equal(ReviewOutcome.Done, outcome);
        Assert.Equal(0, _runs.Pending); // returning a submitted one leaves the approved data, and the scores, as they were
        await using var check = database.CreateContext();
        var saved = await check.Submissions.Include(s => s.Values).Include(s => s.Events).SingleAsync(s => s.Id == graph.TargetId);
        Assert.Equal(SubmissionStatus.Returned, saved.Status);
        Assert.True(saved.IsEditable);
        var comments = saved.Values.ToDictionary(v => v.IndicatorId, v => v.ReviewComment);
        Assert.Equal(3, comments.Count);
        Assert.Equal("Below the plausible range: source?", comments[graph.Indicators.A]);
        Assert.Null(comments[graph.Indicators.B]);
        Assert.Null(comments[graph.Indicators.C]);
        var step = saved.Events.OrderBy(e => e.At).Last();
        Assert.Equal((SubmissionStatus.Submitted, SubmissionStatus.Returned, "Please check A and B."), (step.From, step.To, step.Comment));
        var audit = Assert.Single(await check.AuditEntries.ToListAsync());
        Assert.Equal(("Returned", AuditChannel.Form), (audit.Action, audit.Channel));
        Assert.Contains("A01", audit.NewValues);

        // The page shows the history line and the comment.
        var detail = await service.GetAsync(graph.TargetId);
        Assert.Equal(SubmissionStatus.Returned, detail!.History[^1].To);
        Assert.Equal("Below the plausible range: source?", detail.Rows.Single(r => r.Code == "A01").ReviewComment);
        Assert.False(detail.CanDecide);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReturnAsync_WithoutComment_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));
        var stamp = (await service.GetAsync(graph.TargetId))!.ConcurrencyStamp;

        var outcome = await service.ReturnAsync(graph.TargetId, stamp, "   ", new Dictionary<int, string> { [graph.Indicators.A] = "x" });

        Assert.Equal(ReviewOutcome.CommentRequired, outcome);
        await AssertUnchangedAsync(database, graph.TargetId, SubmissionStatus.Submitted, stamp);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryDecision_CommentOverItsLimit_IsRefusedWithoutAnExceptionAndNothingChanges(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Admin(database));
        var submitted = (await service.GetAsync(graph.TargetId))!.ConcurrencyStamp;
        var approved = (await service.GetAsync(graph.ApprovedId))!.ConcurrencyStamp;
        var overLong = new string('c', 4001);

        Assert.Equal(ReviewOutcome.CommentTooLong, await service.ApproveAsync(graph.TargetId, submitted, overLong));
        Assert.Equal(ReviewOutcome.CommentTooLong, await service.ReturnAsync(graph.TargetId, submitted, overLong));
        Assert.Equal(ReviewOutcome.CommentTooLong, await service.ReturnAsync(graph.TargetId, submitted, "See INF01",
            new Dictionary<int, string> { [graph.Indicators.A] = new string('v', 2001) }));
        Assert.Equal(ReviewOutcome.CommentTooLong, await service.ReopenAsync(graph.ApprovedId, approved, overLong));

        await AssertUnchangedAsync(database, graph.TargetId, SubmissionStatus.Submitted, submitted);
        await AssertUnchangedAsync(database, graph.ApprovedId, SubmissionStatus.Approved, approved);
        Assert.Equal(ReviewOutcome.Done, await service.ReturnAsync(graph.TargetId, submitted, new string('c', 4000),
            new Dictionary<int, string> { [graph.Indicators.A] = new string('v', 2000) })); // the limits themselves are allowed
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReopenAsync_AsEvaluator_IsNotAllowedLoggedAndNothingChanges(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));
        var detail = (await service.GetAsync(graph.ApprovedId))!;

        var outcome = await service.ReopenAsync(graph.ApprovedId, detail.ConcurrencyStamp, "Wrong unit in B");

        Assert.False(detail.CanReopen);
        Assert.Equal(ReviewOutcome.NotAllowed, outcome);
        await AssertUnchangedAsync(database, graph.ApprovedId, SubmissionStatus.Approved, detail.ConcurrencyStamp);
        Assert.Contains(_log.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains(DemoAccounts.Evaluator) && e.Message.Contains($"submission {graph.ApprovedId}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReopenAsync_AsAdmin_NeedsAReasonThenReturnsItToTheCity(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Admin(database));
        var detail = (await service.GetAsync(graph.ApprovedId))!;

        var withoutReason = await service.ReopenAsync(graph.ApprovedId, detail.ConcurrencyStamp, " ");
        await AssertUnchangedAsync(database, graph.ApprovedId, SubmissionStatus.Approved, detail.ConcurrencyStamp);
        var withReason = await service.ReopenAsync(graph.ApprovedId, detail.ConcurrencyStamp, "Wrong unit in B");

        Assert.True(detail.CanReopen);
        Assert.Equal(ReviewOutcome.CommentRequired, withoutReason);
        Assert.Equal(ReviewOutcome.Done, withReason);
        Assert.Equal(1, _runs.Pending); // only the reopening asks for a new run, without the reopened values
        await using var check = database.CreateContext();
        var saved = await check.Submissions.Include(s => s.Events).SingleAsync(s => s.Id == graph.ApprovedId);
        Assert.Equal(SubmissionStatus.Returned, saved.Status);
        var step = saved.Events.OrderBy(e => e.At).Last();
        Assert.Equal((DemoAccounts.Admin, SubmissionStatus.Approved, SubmissionStatus.Returned, "Wrong unit in B"), (step.Actor, step.From, step.To, step.Comment));
        Assert.Equal("Reopened", Assert.Single(await check.AuditEntries.ToListAsync()).Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EveryMethod_AsOfficial_IsRefusedLoggedAndNothingChanges(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var stamp = (await Service(database, TestUsers.Evaluator(database)).GetAsync(graph.TargetId))!.ConcurrencyStamp;
        var official = Service(database, TestUsers.Official(database));

        var queue = await official.GetQueueAsync(new ReviewQueueFilter());
        var detail = await official.GetAsync(graph.TargetId);
        var approve = await official.ApproveAsync(graph.TargetId, stamp);
        var returned = await official.ReturnAsync(graph.TargetId, stamp, "I would like to change it");
        var reopen = await official.ReopenAsync(graph.ApprovedId, Guid.Empty, "reason");

        Assert.Null(queue);
        Assert.Null(detail);
        Assert.Equal(new[] { ReviewOutcome.NotFound, ReviewOutcome.NotFound, ReviewOutcome.NotFound }, new[] { approve, returned, reopen });
        await AssertUnchangedAsync(database, graph.TargetId, SubmissionStatus.Submitted, stamp);
        var warnings = _log.Entries.Where(e => e.Level == LogLevel.Warning).Select(e => e.Message).ToList();
        Assert.Equal(5, warnings.Count);
        Assert.All(warnings, w => Assert.Contains(DemoAccounts.HangzhouOfficial, w));
        Assert.Contains(warnings, w => w.Contains($"submission {graph.TargetId}"));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApproveAsync_StampChangedByAnotherContext_IsAConflictAndNothingIsWritten(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));
        var seen = (await service.GetAsync(graph.TargetId))!.ConcurrencyStamp;
        Guid theirs;
        await using (var other = database.CreateContext())
        {
            var submission = await other.Submissions.SingleAsync(s => s.Id == graph.TargetId);
            theirs = Guid.NewGuid();
            other.Entry(submission).Property(s => s.ConcurrencyStamp).CurrentValue = theirs;
            await other.SaveChangesAsync();
        }

        var outcome = await service.ApproveAsync(graph.TargetId, seen);

        Assert.Equal(ReviewOutcome.Conflict, outcome);
        await AssertUnchangedAsync(database, graph.TargetId, SubmissionStatus.Submitted, theirs);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ReturnAsync_AfterAnotherEvaluatorApproved_IsAConflictAndTheApprovalStands(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var mine = Service(database, TestUsers.Evaluator(database));
        var theirs = Service(database, TestUsers.Admin(database));
        var seen = (await mine.GetAsync(graph.TargetId))!.ConcurrencyStamp;
        Assert.Equal(ReviewOutcome.Done, await theirs.ApproveAsync(graph.TargetId, seen));

        var outcome = await mine.ReturnAsync(graph.TargetId, seen, "Too late", new Dictionary<int, string> { [graph.Indicators.A] = "x" });

        Assert.Equal(ReviewOutcome.Conflict, outcome);
        await using var check = database.CreateContext();
        var saved = await check.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == graph.TargetId);
        Assert.Equal(SubmissionStatus.Approved, saved.Status);
        Assert.All(saved.Values, v => Assert.Null(v.ReviewComment));
        Assert.Equal("Approved", Assert.Single(await check.AuditEntries.ToListAsync()).Action);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_ResubmittedAfterAReturn_ShowsWhatChangedSinceTheReturnAndTheCommentsOfTheReturn(DatabaseProvider provider)
    {
        // The whole round trip through the portal's own services, so that the audit entries are the ones the form writes.
        await using var portal = await SeededServices.CreateAsync(provider, postgres.Cluster);
        var year = await portal.FreshYearAsync("CN-HZ");
        var official = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var form = (await official.OpenAsync("CN-HZ", year))!;
        foreach (var row in form.Rows)
        {
            row.Text = row.LastYear!.Value.ToString(CultureInfo.InvariantCulture);
            Assert.IsType<SaveResult.Saved>(await official.SaveValueAsync(form.SubmissionId, row));
        }

        Assert.Empty((await official.SubmitAsync(form.SubmissionId))!);
        var returnedAt = DateTime.UtcNow; // the review service's clock stands still here; the official's changes come after it
        var review = new ReviewService(new ContextFactory(portal.Database), TestUsers.Evaluator(portal.Database),
            new FakeTimeProvider(new DateTimeOffset(returnedAt)), _runs, _log);
        var first = (await review.GetAsync(form.SubmissionId))!;
        Assert.False(first.IsResubmission);
        var id = first.Rows.ToDictionary(r => r.Code, r => r.IndicatorId);
        var before = first.Rows.ToDictionary(r => r.Code, r => r.Value!.Value);
        Assert.Equal(ReviewOutcome.Done, await review.ReturnAsync(form.SubmissionId, first.ConcurrencyStamp, "Please check INF01 and INF02.",
            new Dictionary<int, string> { [id["INF01"]] = "Which yearbook table is this from?", [id["INF02"]] = "This looks high." }));

        // The official changes INF01's value and INF03's note, changes INF04 and back again, leaves INF02 as it was, and resubmits.
        var again = (await official.OpenAsync("CN-HZ", year))!;
        var rows = again.Rows.ToDictionary(r => r.Indicator.Code);
        await SaveAsync(rows["INF01"], text: (before["INF01"] + 1).ToString(CultureInfo.InvariantCulture));
        await SaveAsync(rows["INF03"], note: "Statistical yearbook 2025, table 4-2");
        await SaveAsync(rows["INF04"], text: (before["INF04"] + 2).ToString(CultureInfo.InvariantCulture));
        await SaveAsync(rows["INF04"], text: before["INF04"].ToString(CultureInfo.InvariantCulture));
        Assert.Empty((await official.SubmitAsync(again.SubmissionId))!);

        var detail = (await review.GetAsync(form.SubmissionId))!;

        Assert.True(detail.IsResubmission);
        Assert.Equal(returnedAt, detail.ReturnedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.Equal(2, detail.ChangedSinceReturn);
        var byCode = detail.Rows.ToDictionary(r => r.Code);
        Assert.Equal((before["INF01"], before["INF01"] + 1), (byCode["INF01"].AtReturn!.Value.Value, byCode["INF01"].Value));
        Assert.True(byCode["INF01"].ValueChangedSinceReturn);
        Assert.False(byCode["INF01"].NoteChangedSinceReturn);
        Assert.Equal((null, "Statistical yearbook 2025, table 4-2"), (byCode["INF03"].AtReturn!.Value.Note, byCode["INF03"].Note));
        Assert.True(byCode["INF03"].NoteChangedSinceReturn);
        Assert.False(byCode["INF03"].ValueChangedSinceReturn);
        Assert.False(byCode["INF04"].ChangedSinceReturn); // changed and changed back: nothing to look at
        Assert.False(byCode["INF02"].ChangedSinceReturn);
        Assert.Equal(["INF01", "INF03"], detail.Shown(changedOnly: true).SelectMany(c => c.Rows).Select(r => r.Code));
        Assert.Equal(detail.Total, detail.Shown(changedOnly: false).Sum(c => c.Rows.Count));
        var comment = Assert.Single(byCode["INF01"].Comments);
        Assert.Equal((DemoAccounts.Evaluator, "Which yearbook table is this from?"), (comment.Actor, comment.Text));
        Assert.Equal(returnedAt, comment.At, TimeSpan.FromMilliseconds(1));
        Assert.Equal("This looks high.", Assert.Single(byCode["INF02"].Comments).Text);
        Assert.All(detail.Rows.Where(r => r.Code is not ("INF01" or "INF02")), r => Assert.Empty(r.Comments));

        async Task SaveAsync(EntryRow row, string? text = null, string? note = null)
        {
            row.Text = text ?? row.Text;
            row.Note = note ?? row.Note;
            var saved = Assert.IsType<SaveResult.Saved>(await official.SaveValueAsync(again.SubmissionId, row));
            row.Saved = saved.Value;
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_SubmittedOnceOrReturnedAndNotYetResubmitted_HasNoDiff(DatabaseProvider provider)
    {
        var (database, graph) = await SceneAsync(provider);
        await using var _ = database;
        var service = Service(database, TestUsers.Evaluator(database));
        var submitted = (await service.GetAsync(graph.TargetId))!;

        Assert.Equal(ReviewOutcome.Done, await service.ReturnAsync(graph.TargetId, submitted.ConcurrencyStamp, "Check A.",
            new Dictionary<int, string> { [graph.Indicators.A] = "Source?" }));
        var returned = (await service.GetAsync(graph.TargetId))!;

        Assert.False(submitted.IsResubmission);
        Assert.All(submitted.Rows, r => Assert.Null(r.AtReturn));
        Assert.False(returned.IsResubmission);
        Assert.Equal(0, returned.ChangedSinceReturn);
        Assert.Equal("Source?", Assert.Single(returned.Rows.Single(r => r.Code == "A01").Comments).Text);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task GetAsync_UnknownId_IsNull(DatabaseProvider provider)
    {
        var (database, _) = await SceneAsync(provider);
        await using var __ = database;

        Assert.Null(await Service(database, TestUsers.Evaluator(database)).GetAsync(987_654));
        Assert.Equal(ReviewOutcome.NotFound, await Service(database, TestUsers.Evaluator(database)).ApproveAsync(987_654, Guid.Empty));
    }

    private async Task<(TestDatabase Database, ReviewGraph Graph)> SceneAsync(DatabaseProvider provider)
    {
        var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        return (database, await ReviewGraph.SaveAsync(database));
    }

    private ReviewService Service(TestDatabase database, CurrentUser user) =>
        new(new ContextFactory(database), user, new FakeTimeProvider(new DateTimeOffset(DecidedAt)), _runs, _log);

    private static async Task AssertUnchangedAsync(TestDatabase database, int submissionId, SubmissionStatus status, Guid stamp)
    {
        await using var check = database.CreateContext();
        var saved = await check.Submissions.Include(s => s.Values).Include(s => s.Events).SingleAsync(s => s.Id == submissionId);
        Assert.Equal(status, saved.Status);
        Assert.Equal(stamp, saved.ConcurrencyStamp);
        Assert.All(saved.Values, v => Assert.Null(v.ReviewComment));
        Assert.DoesNotContain(saved.Events, e => e.At == DecidedAt);
        Assert.Empty(await check.AuditEntries.ToListAsync());
    }
}
