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

    [Theory]
    [InlineData("0.1234567")] // a seventh decimal place
    [InlineData("100000000000000")] // 15 digits before the decimal mark
    [InlineData("-100000000000000")]
    public void SetValue_MoreThanAValueKeeps_ThrowsAndKeepsNothing(string text)
    {
        var submission = new Submission(1, 1, Now);
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        var error = Assert.Throws<DomainException>(() => submission.SetValue(7, value, null, Now));

        Assert.Contains("at most 6 decimal places", error.Message);
        Assert.Empty(submission.Values);
    }

    [Theory]
    [InlineData("0.123456")]
    [InlineData("99999999999999.999999")]
    [InlineData("-99999999999999.999999")]
    [InlineData("1.5000000")] // trailing zeros are not places
    public void SetValue_WithinWhatAValueKeeps_Kept(string text)
    {
        var submission = new Submission(1, 1, Now);
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(value, submission.SetValue(7, value, null, Now).Value);
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
        submission.Submit("official", Now);

        submission.Approve("evaluator", Now.AddDays(1));

        Assert.Equal(SubmissionStatus.Approved, submission.Status);
        Assert.False(submission.IsEditable);
        var error = Assert.Throws<DomainException>(() => submission.SetValue(7, 1m, null, Now));
        Assert.Contains("approved and cannot be changed", error.Message);
    }

    [Fact]
    public void Return_Submitted_IsEditableAgain()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit("official", Now);

        submission.Return("evaluator", Now, "Check INF01");
        submission.SetValue(7, 3m, null, Now);

        Assert.Equal(SubmissionStatus.Returned, submission.Status);
    }

    [Fact]
    public void Approve_Draft_Throws()
    {
        var submission = new Submission(1, 1, Now);

        Assert.Throws<DomainException>(() => submission.Approve("evaluator", Now));
    }

    [Fact]
    public void Reopen_Approved_GoesBackAsReturned()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit("official", Now);
        submission.Approve("evaluator", Now);

        submission.Reopen("admin", Now, "Typo in INF01 found after approval");

        Assert.Equal(SubmissionStatus.Returned, submission.Status);
    }

    [Fact]
    public void Reopen_Draft_Throws()
    {
        Assert.Throws<DomainException>(() => new Submission(1, 1, Now).Reopen("admin", Now, "reason"));
    }

    [Fact]
    public void Submit_Submitted_Throws()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit("official", Now);

        Assert.Throws<DomainException>(() => submission.Submit("official", Now));
    }

    [Fact]
    public void Return_WithValueComments_ShowsThemOnTheValuesAndRecordsTheStep()
    {
        var submission = new Submission(1, 1, Now);
        submission.SetValue(7, 10m, null, Now);
        submission.SetValue(8, 20m, null, Now);
        submission.Submit("li.wei", Now);

        submission.Return("evaluator", Now.AddHours(1), "Two values look off", new Dictionary<int, string> { [8] = "Twice last year's value: please check." });

        Assert.Null(submission.Values.Single(v => v.IndicatorId == 7).ReviewComment);
        Assert.Equal("Twice last year's value: please check.", submission.Values.Single(v => v.IndicatorId == 8).ReviewComment);
        var last = submission.Events.Last();
        Assert.Equal((SubmissionStatus.Submitted, SubmissionStatus.Returned, "evaluator", "Two values look off"), (last.From, last.To, last.Actor, last.Comment));
        Assert.Equal(2, submission.Events.Count);
    }

    [Fact]
    public void Return_WithoutComment_Throws()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit("li.wei", Now);

        var error = Assert.Throws<DomainException>(() => submission.Return("evaluator", Now, " "));

        Assert.Contains("why the submission is returned", error.Message);
    }

    [Fact]
    public void Approve_AfterReturn_ClearsReviewComments()
    {
        var submission = new Submission(1, 1, Now);
        submission.SetValue(7, 10m, null, Now);
        submission.Submit("li.wei", Now);
        submission.Return("evaluator", Now, "Check", new Dictionary<int, string> { [7] = "Source?" });
        submission.SetValue(7, 11m, "Yearbook table 4", Now);
        submission.Submit("li.wei", Now);

        submission.Approve("evaluator", Now);

        Assert.Null(submission.Values.Single().ReviewComment);
        Assert.Equal(4, submission.Events.Count);
    }

    [Fact]
    public void Reopen_WithoutReason_Throws()
    {
        var submission = new Submission(1, 1, Now);
        submission.Submit("li.wei", Now);
        submission.Approve("evaluator", Now);

        Assert.Throws<DomainException>(() => submission.Reopen("admin", Now, ""));
    }
}
