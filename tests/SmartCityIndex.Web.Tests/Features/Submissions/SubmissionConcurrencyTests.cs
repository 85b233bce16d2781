namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>
/// Two officials of one city at the same form at the same moment, many times over (issue 11, concurrency): the real
/// entry service on both databases, the saves started together. No update is lost: of two saves over the same value,
/// one is saved and the other told whose value is in the way; saves of different values both land; a save racing a
/// submission either lands in what is submitted or is told the form is locked.
/// </summary>
public sealed class SubmissionConcurrencyTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string City = "CN-HZ";
    private const int Rounds = 20;

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveValueAsync_TwoOfficialsAtOnce_NoUpdateLostAndEveryLoserToldWhy(DatabaseProvider provider)
    {
        await using var portal = await SeededServices.CreateAsync(provider, postgres.Cluster);
        var year = await portal.FreshYearAsync(City);
        var alice = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var bob = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var (lost, untold, saved) = (0, 0, 0);

        for (var round = 1; round <= Rounds; round++)
        {
            var mine = (await alice.OpenAsync(City, year))!;
            var theirs = (await bob.OpenAsync(City, year))!;
            // The same value, and a value each of their own.
            var (aliceSame, bobSame) = (Row(mine, "INF01", $"{round}.25"), Row(theirs, "INF01", $"{round}.75"));
            var (aliceOwn, bobOwn) = (Row(mine, "INF02", $"{round}"), Row(theirs, "INF03", $"{round + 50}"));

            var results = await Task.WhenAll(
                alice.SaveValueAsync(mine.SubmissionId, aliceSame), bob.SaveValueAsync(theirs.SubmissionId, bobSame),
                alice.SaveValueAsync(mine.SubmissionId, aliceOwn), bob.SaveValueAsync(theirs.SubmissionId, bobOwn));

            var stored = await StoredAsync(portal, mine.SubmissionId);
            var winners = results[..2].OfType<SaveResult.Saved>().Select(s => s.Value.Value).ToList();
            var losers = results[..2].OfType<SaveResult.ConflictWith>().ToList();
            saved += winners.Count + results[2..].OfType<SaveResult.Saved>().Count();
            lost += winners.Count != 1 || stored["INF01"] != winners[0] ? 1 : 0;
            untold += losers.Count != 1 || losers[0].Theirs.Value != stored["INF01"] ? 1 : 0;
            lost += stored["INF02"] == round && stored["INF03"] == round + 50 ? 0 : 1;
            Assert.All(results[2..], r => Assert.IsType<SaveResult.Saved>(r));
        }

        Assert.Equal((0, 0), (lost, untold));
        await using var context = portal.Database.CreateContext();
        var audited = await context.AuditEntries.CountAsync(a => a.EntityType == nameof(IndicatorValue) && a.UserName == DemoAccounts.HangzhouOfficial);
        Assert.Equal(saved, audited); // every save told "saved" is in the audit trail, once
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SubmitAsync_WhileAColleagueSaves_TheSaveIsInWhatIsSubmittedOrToldItIsLocked(DatabaseProvider provider)
    {
        await using var portal = await SeededServices.CreateAsync(provider, postgres.Cluster);
        var outcomes = new List<string>();

        for (var round = 1; round <= Rounds / 2; round++)
        {
            var (year, form) = await CompleteFormAsync(portal);
            var alice = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
            var bob = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);

            var theirs = (await bob.OpenAsync(City, year))!;
            var change = Row(theirs, "INF01", $"{round}.5", "Revised by the statistics bureau");

            var submit = alice.SubmitAsync(form.SubmissionId);
            var save = bob.SaveValueAsync(theirs.SubmissionId, change);
            await Task.WhenAll(submit, save);

            var problems = (await submit)!;
            var stored = await StoredAsync(portal, form.SubmissionId);
            await using var context = portal.Database.CreateContext();
            var status = (await context.Submissions.SingleAsync(s => s.Id == form.SubmissionId)).Status;
            switch (problems, await save)
            {
                case ([], SaveResult.Saved):
                    Assert.Equal((SubmissionStatus.Submitted, round + 0.5m), (status, stored["INF01"])); // saved, then in what was submitted
                    outcomes.Add("saved, then submitted");
                    break;
                case ([], SaveResult.Locked locked):
                    Assert.Equal((SubmissionStatus.Submitted, SubmissionStatus.Submitted, 50m), (locked.Status, status, stored["INF01"])); // not half in
                    outcomes.Add("submitted, the save told it is locked");
                    break;
                case ([{ Problem: var problem }], SaveResult.Saved):
                    // The submission saw the save land while it was being sent: nothing sent, and the official told so.
                    Assert.Contains("changed while it was being sent", problem);
                    Assert.Equal((SubmissionStatus.Draft, round + 0.5m), (status, stored["INF01"]));
                    outcomes.Add("the submission told to try again, the save kept");
                    break;
                case var other:
                    Assert.Fail($"round {round}: {other}");
                    break;
            }
        }

        Assert.Equal(Rounds / 2, outcomes.Count);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Decide_TwoEvaluatorsAtOnce_OneDecisionStandsTheOtherToldItChanged(DatabaseProvider provider)
    {
        await using var portal = await SeededServices.CreateAsync(provider, postgres.Cluster);
        var decisions = new List<string>();

        for (var round = 1; round <= Rounds / 2; round++)
        {
            var (_, form) = await CompleteFormAsync(portal);
            Assert.Empty((await (await portal.EntryAsync(DemoAccounts.HangzhouOfficial)).SubmitAsync(form.SubmissionId))!);
            var (first, second) = (Evaluator(portal), Evaluator(portal));
            var stamp = (await first.GetAsync(form.SubmissionId))!.ConcurrencyStamp; // both opened the same review

            var outcomes = await Task.WhenAll(
                first.ApproveAsync(form.SubmissionId, stamp),
                second.ReturnAsync(form.SubmissionId, stamp, $"Round {round}: please check the sources."));

            await using var context = portal.Database.CreateContext();
            var submission = await context.Submissions.Include(s => s.Events).SingleAsync(s => s.Id == form.SubmissionId);
            var decided = submission.Events.Count(e => e.From == SubmissionStatus.Submitted);
            Assert.Equal(1, decided); // one decision recorded, never both
            switch (outcomes)
            {
                case [Web.Features.Review.ReviewOutcome.Done, Web.Features.Review.ReviewOutcome.Conflict]:
                    Assert.Equal(SubmissionStatus.Approved, submission.Status);
                    decisions.Add("approved");
                    break;
                case [Web.Features.Review.ReviewOutcome.Conflict, Web.Features.Review.ReviewOutcome.Done]:
                    Assert.Equal(SubmissionStatus.Returned, submission.Status);
                    decisions.Add("returned");
                    break;
                default:
                    Assert.Fail($"round {round}: {string.Join(", ", outcomes)}");
                    break;
            }
        }

        Assert.Equal(Rounds / 2, decisions.Count);
    }

    /// <summary>A fresh form of the open year with every value given and sourced, ready to submit.</summary>
    private static async Task<(int Year, EntryForm Form)> CompleteFormAsync(SeededServices portal)
    {
        var year = await portal.FreshYearAsync(City);
        var official = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var form = (await official.OpenAsync(City, year))!;
        foreach (var row in form.Rows)
        {
            Assert.IsType<SaveResult.Saved>(await official.SaveValueAsync(form.SubmissionId, Row(form, row.Indicator.Code, "50", "Statistical yearbook")));
        }

        return (year, form);
    }

    private static Web.Features.Review.ReviewService Evaluator(SeededServices portal) =>
        new(new ContextFactory(portal.Database), TestUsers.Evaluator(portal.Database), TimeProvider.System, new ScoreRunQueue(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<Web.Features.Review.ReviewService>.Instance);

    private static EntryRow Row(EntryForm form, string code, string text, string? note = null)
    {
        var row = form.Rows.Single(r => r.Indicator.Code == code).Copy();
        row.Text = text;
        row.Note = note;
        return row;
    }

    private static async Task<Dictionary<string, decimal?>> StoredAsync(SeededServices portal, int submissionId)
    {
        await using var context = portal.Database.CreateContext();
        return await context.IndicatorValues.Where(v => v.SubmissionId == submissionId)
            .Join(context.Indicators, v => v.IndicatorId, i => i.Id, (v, i) => new { i.Code, v.Value })
            .ToDictionaryAsync(x => x.Code, x => x.Value);
    }
}
