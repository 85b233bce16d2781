using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Web.Features.Review;

namespace SmartCityIndex.Web.Tests.Features.Review;

/// <summary>Reading the value at the last return back from audit entries shaped as the form, the import and the review write them.</summary>
public sealed class ResubmissionDiffTests
{
    private static readonly DateTime T0 = new(2026, 4, 1, 8, 0, 0, DateTimeKind.Utc);
    private static readonly ReviewedValue Thirteen = new(13, false, null, "yearbook");

    [Fact]
    public void From_SubmittedOnce_HasNoDiff()
    {
        var diff = ResubmissionDiff.From([Step(0, SubmissionStatus.Draft, SubmissionStatus.Submitted)], [Change(1, "INF01", 10, 11)]);

        Assert.Null(diff.ReturnedAt);
        Assert.Null(diff.AtReturn("INF01", Thirteen));
    }

    [Fact]
    public void From_ReturnedAndNotYetResubmitted_HasNoDiffButKeepsTheComments()
    {
        var diff = ResubmissionDiff.From(
            [Step(0, SubmissionStatus.Draft, SubmissionStatus.Submitted), Step(2, SubmissionStatus.Submitted, SubmissionStatus.Returned)],
            [Returned(2, ("INF01", "Source?")), Change(3, "INF01", 10, 11)]);

        Assert.Null(diff.ReturnedAt);
        Assert.Equal("Source?", Assert.Single(diff.CommentsOn("INF01")).Text);
    }

    [Fact]
    public void From_TwoReturns_DiffsAgainstTheLastAndKeepsTheCommentsOfBoth()
    {
        var diff = ResubmissionDiff.From(
            [
                Step(0, SubmissionStatus.Draft, SubmissionStatus.Submitted),
                Step(2, SubmissionStatus.Submitted, SubmissionStatus.Returned),
                Step(4, SubmissionStatus.Returned, SubmissionStatus.Submitted),
                Step(6, SubmissionStatus.Submitted, SubmissionStatus.Returned),
                Step(9, SubmissionStatus.Returned, SubmissionStatus.Submitted),
            ],
            [
                Returned(2, ("INF01", "Source?")),
                Change(3, "INF01", 10, 11),
                Returned(6, ("INF01", "Still no source."), ("INF02", "Unit?")),
                Change(7, "INF01", 11, 12),
                Change(8, "INF01", 12, 13),
                NoteChange(8, "INF02", 5, null, "per 100 000"),
            ]);

        Assert.Equal(T0.AddHours(6), diff.ReturnedAt);
        Assert.Equal(new ReviewedValue(11, false, null, null), diff.AtReturn("INF01", Thirteen)); // the first change after the last return
        Assert.Equal(new ReviewedValue(5, false, null, null), diff.AtReturn("INF02", Thirteen));
        Assert.Equal(Thirteen, diff.AtReturn("INF03", Thirteen)); // not changed since: as it is now
        Assert.Equal(["Source?", "Still no source."], diff.CommentsOn("INF01").Select(c => c.Text));
        Assert.Equal([T0.AddHours(2), T0.AddHours(6)], diff.CommentsOn("INF01").Select(c => c.At));
        Assert.Empty(diff.CommentsOn("INF03"));
    }

    [Fact]
    public void From_ReopenedAndResubmitted_DiffsAgainstTheReopening()
    {
        var diff = ResubmissionDiff.From(
            [
                Step(0, SubmissionStatus.Draft, SubmissionStatus.Submitted),
                Step(1, SubmissionStatus.Submitted, SubmissionStatus.Approved),
                Step(2, SubmissionStatus.Approved, SubmissionStatus.Returned),
                Step(4, SubmissionStatus.Returned, SubmissionStatus.Submitted),
            ],
            [Decision(1, "Approved", null), Decision(2, "Reopened", null), Change(3, "INF01", 10, 11)]);

        Assert.Equal(new ReviewedValue(10, false, null, null), diff.AtReturn("INF01", Thirteen));
    }

    [Fact]
    public void From_ReturnWithoutAnAuditEntry_TakesTheChangesAfterItsTime()
    {
        // A return made outside the portal (a script, the demo seeder) leaves no audit entry of its own.
        var diff = ResubmissionDiff.From(
            [Step(0, SubmissionStatus.Draft, SubmissionStatus.Submitted), Step(2, SubmissionStatus.Submitted, SubmissionStatus.Returned), Step(4, SubmissionStatus.Returned, SubmissionStatus.Submitted)],
            [Change(1, "INF01", 9, 10), Change(3, "INF01", 10, 11), NotAvailable(3, "INF02", 7, "The bureau stopped counting")]);

        Assert.Equal(new ReviewedValue(10, false, null, null), diff.AtReturn("INF01", Thirteen));
        Assert.Equal(new ReviewedValue(7, false, null, null), diff.AtReturn("INF02", new ReviewedValue(null, true, "The bureau stopped counting", null)));
    }

    private static ReviewEvent Step(int hour, SubmissionStatus from, SubmissionStatus to) => new("someone", T0.AddHours(hour), from, to, null);

    private static AuditEntry Returned(int hour, params (string Code, string Text)[] comments) =>
        Decision(hour, "Returned", "{\"comment\":\"see the comments\",\"valueComments\":{" + string.Join(",", comments.Select(c => $"\"{c.Code}\":\"{c.Text}\"")) + "}}");

    private static AuditEntry Decision(int hour, string action, string? details) =>
        new("evaluator@sci.demo", T0.AddHours(hour), nameof(Submission), "7", action, """{"status":"Submitted"}""",
            $$"""{"status":"{{(action == "Approved" ? "Approved" : "Returned")}}","details":{{details ?? "null"}}}""", AuditChannel.Form);

    private static AuditEntry Change(int hour, string code, decimal old, decimal now) => Value(hour, code,
        $$"""{"value":{{old}},"notAvailable":false,"reason":null,"note":null}""", $$"""{"value":{{now}},"notAvailable":false,"reason":null,"note":null}""");

    private static AuditEntry NoteChange(int hour, string code, decimal value, string? old, string now) => Value(hour, code,
        $$"""{"value":{{value}},"notAvailable":false,"reason":null,"note":{{(old is null ? "null" : $"\"{old}\"")}}}""",
        $$"""{"value":{{value}},"notAvailable":false,"reason":null,"note":"{{now}}"}""");

    private static AuditEntry NotAvailable(int hour, string code, decimal old, string reason) => Value(hour, code,
        $$"""{"value":{{old}},"notAvailable":false,"reason":null,"note":null}""", $$"""{"value":null,"notAvailable":true,"reason":"{{reason}}","note":null}""");

    private static AuditEntry Value(int hour, string code, string old, string now) =>
        new("official@sci.demo", T0.AddHours(hour), nameof(IndicatorValue), $"7/{code}", "Changed", old, now, AuditChannel.Form);
}
