using System.Net;

namespace SmartCityIndex.Web.Tests.Features.Review;

public sealed class ReviewPageTests(SqlitePortalFixture portal) : IClassFixture<SqlitePortalFixture>
{
    [Theory]
    [InlineData("/review")]
    [InlineData("/review/1")]
    public async Task Get_AsOfficial_IsRefused(string path)
    {
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.HangzhouOfficial);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/access-denied", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task GetQueue_AsEvaluator_Answers200ListingTheSubmittedCities()
    {
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.Evaluator);
        await using var context = portal.Factory.Database.CreateContext();
        var latest = await context.ReportingPeriods.MaxAsync(p => p.Year);
        var byStatus = await context.Submissions
            .Where(s => context.ReportingPeriods.Any(p => p.Id == s.ReportingPeriodId && p.Year == latest))
            .Join(context.Cities, s => s.CityId, c => c.Id, (s, c) => new { s.Status, c.NameEn })
            .ToListAsync();

        var response = await client.GetAsync("/review");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Review queue", page);
        Assert.All(byStatus.Where(s => s.Status == SubmissionStatus.Submitted), s => Assert.Contains($">{s.NameEn}</a>", page));
        Assert.All(byStatus.Where(s => s.Status == SubmissionStatus.Draft), s => Assert.DoesNotContain($">{s.NameEn}</a>", page));
    }

    [Fact]
    public async Task GetSubmission_AsEvaluator_ShowsItsValuesAndHistory()
    {
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.Evaluator);
        await using var context = portal.Factory.Database.CreateContext();
        var submission = await context.Submissions.FirstAsync(s => s.Status == SubmissionStatus.Submitted);
        var city = await context.Cities.SingleAsync(c => c.Id == submission.CityId);

        var page = await client.GetStringAsync($"/review/{submission.Id}");

        Assert.Contains(city.NameEn, page);
        Assert.Contains("INF01", page);
        Assert.Contains("Status history", page);
        Assert.Contains("Draft → Submitted", page);
    }

    [Fact]
    public async Task GetSubmission_UnknownId_Answers404WithTheNotFoundPage()
    {
        using var client = await SignIn.AsAsync(portal.Factory, DemoAccounts.Evaluator);

        var response = await client.GetAsync("/review/987654");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync());
    }
}
