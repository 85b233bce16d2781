using Microsoft.EntityFrameworkCore;
using SmartCityIndex.Domain.Periods;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.TestSupport;

namespace SmartCityIndex.Cli.Tests;

/// <summary><c>sci seed</c> as a real process: demo data of a chosen size in a new or existing portal database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class SeedCommandTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Seed_CitiesAndYears_FillsEveryCityAndYearAndAssignsTheAllCitiesOfficial(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres.Cluster);

        var run = SciProcess.Run(["seed", "--cities", "60", "--years", "4", "--provider", provider.ToString(), "--connection", database.ConnectionString]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.StartsWith($"The {provider} database holds 60 cities, 4 reporting periods, 240 submissions", run.Output);
        await using var context = database.CreateContext();
        Assert.Equal(36, await context.Cities.CountAsync(c => c.Code.StartsWith("CN-")));
        Assert.Equal(24, await context.Cities.CountAsync(c => c.Code.StartsWith("SY-")));
        var periods = await context.ReportingPeriods.OrderBy(p => p.Year).ToListAsync();
        Assert.Equal([PeriodStatus.Closed, PeriodStatus.Closed, PeriodStatus.Closed, PeriodStatus.Open], periods.Select(p => p.Status));
        Assert.Equal(4, periods[^1].Year - periods[0].Year + 1);
        var closed = periods.Where(p => p.Status == PeriodStatus.Closed).Select(p => p.Id).ToList();
        Assert.True(await context.Submissions.Where(s => closed.Contains(s.ReportingPeriodId)).AllAsync(s => s.Status == SubmissionStatus.Approved));
        var open = periods[^1].Id;
        var statuses = await context.Submissions.Where(s => s.ReportingPeriodId == open).Select(s => s.Status).Distinct().ToListAsync();
        Assert.Equal(4, statuses.Count); // every status in the open year
        var official = await context.Users.SingleAsync(u => u.Email == "official.all@sci.demo");
        Assert.Equal(60, await context.UserCities.CountAsync(c => c.UserId == official.Id));
    }

    [Fact]
    public async Task Seed_AgainWithMore_AddsOnlyWhatIsMissing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        var first = SciProcess.Run(["seed", "--cities", "40", "--years", "3", "--connection", database.ConnectionString]);
        Assert.True(first.ExitCode == 0, first.Error);
        await using (var context = database.CreateContext())
        {
            Assert.Equal(120, await context.Submissions.CountAsync());
        }

        var again = SciProcess.Run(["seed", "--cities", "50", "--years", "3", "--connection", database.ConnectionString]);

        Assert.True(again.ExitCode == 0, again.Error);
        Assert.StartsWith("The Sqlite database holds 50 cities, 3 reporting periods, 150 submissions", again.Output);
        await using var after = database.CreateContext();
        var official = await after.Users.SingleAsync(u => u.Email == "official.all@sci.demo");
        Assert.Equal(50, await after.UserCities.CountAsync(c => c.UserId == official.Id));
    }

    [Theory]
    [InlineData("--cities", "0", "--cities must be between 1 and 100000.")]
    [InlineData("--years", "31", "--years must be between 1 and 30.")]
    public void Seed_OutOfRange_RefusesWithTheRule(string option, string value, string message)
    {
        var run = SciProcess.Run(["seed", option, value, "--connection", "Data Source=/tmp/never-created.db"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(message, run.Error);
        Assert.False(File.Exists("/tmp/never-created.db"));
    }
}
