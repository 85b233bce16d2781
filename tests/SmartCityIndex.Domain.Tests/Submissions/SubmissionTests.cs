using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Domain.Tests.Submissions;

public sealed class SubmissionTests
{
    private static readonly DateTime Now = new(2026, 2, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void SetValue_Draft_RecordsValueAndRenewsConcurrencyStamp()
    {
        var submission = new Submission(1, 1, Now);
        var stamp = submission.ConcurrencyStamp;

        var value = submission.SetValue(7, 42.5m, "Statistical yearbook 2025, table 3-1", Now.AddMinutes(5));

        Assert.Equal(42.5m, value.Value);
        Assert.True(value.IsAnswered);
        Assert.NotEqual(stamp, submission.ConcurrencyStamp);
        Assert.Equal(Now.AddMinutes(5), submission.UpdatedAt);
    }

    [Fact]
    public void SetValue_SameIndicatorTwice_KeepsOneValue()
    {
        var submission = new Submission(1, 1, Now);

        submission.SetValue(7, 1m, null, Now);
        submission.SetValue(7, 2m, null, Now);

        Assert.Equal(2m, Assert.Single(submission.Values).Value);
    }

    [Fact]
    public void SetNotAvailable_WithReason_ClearsTheNumber()
    {
        var submission = new Submission(1, 1, Now);
        submission.SetValue(7, 1m, null, Now);

        var value = submission.SetNotAvailable(7, "Survey not run this year", null, Now);

        Assert.Null(value.Value);
        Assert.True(value.NotAvailable);
        Assert.True(value.IsAnswered);
    }

    [Fact]
    public void SetNotAvailable_WithoutReason_Throws()
    {
        var submission = new Submission(1, 1, Now);

        var error = Assert.Throws<DomainException>(() => submission.SetNotAvailable(7, " ", null, Now));

        Assert.Contains("reason a value is not available", error.Message);
    }

    [Fact]
    public void Approve_Submitted_LocksTheSubmission()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit(Now);

        submission.Approve(Now.AddDays(1));

        Assert.Equal(SubmissionStatus.Approved, submission.Status);
        Assert.False(submission.IsEditable);
        var error = Assert.Throws<DomainException>(() => submission.SetValue(7, 1m, null, Now));
        Assert.Contains("approved and cannot be changed", error.Message);
    }

    [Fact]
    public void Return_Submitted_IsEditableAgain()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit(Now);

        submission.Return(Now);
        submission.SetValue(7, 3m, null, Now);

        Assert.Equal(SubmissionStatus.Returned, submission.Status);
    }

    [Fact]
    public void Approve_Draft_Throws()
    {
        var submission = new Submission(1, 1, Now);

        Assert.Throws<DomainException>(() => submission.Approve(Now));
    }

    [Fact]
    public void Reopen_Approved_GoesBackAsReturned()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit(Now);
        submission.Approve(Now);

        submission.Reopen(Now);

        Assert.Equal(SubmissionStatus.Returned, submission.Status);
    }

    [Fact]
    public void Reopen_Draft_Throws()
    {
        Assert.Throws<DomainException>(() => new Submission(1, 1, Now).Reopen(Now));
    }

    [Fact]
    public void Submit_Submitted_Throws()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit(Now);

        Assert.Throws<DomainException>(() => submission.Submit(Now));
    }
}
