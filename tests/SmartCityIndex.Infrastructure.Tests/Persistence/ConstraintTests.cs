using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Infrastructure.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class ConstraintTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_DuplicateCityCode_ThrowsDataConflictNamingCodeAndValue(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        await using (var first = database.CreateContext())
        {
            first.Cities.Add(EntityBuilder.City("CN-HZ"));
            await first.SaveChangesAsync();
        }

        await using var second = database.CreateContext();
        second.Cities.Add(EntityBuilder.City("CN-HZ"));
        var error = await Assert.ThrowsAsync<DataConflictException>(() => second.SaveChangesAsync());

        Assert.Equal("Another city already has this Code 'CN-HZ': Code must be unique.", error.Message);
        await using var check = database.CreateContext();
        Assert.Equal(1, await check.Cities.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_SecondSubmissionForSameCityAndPeriod_ThrowsDataConflict(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        await using var context = database.CreateContext();
        var (_, _, submission) = await EntityBuilder.SaveSubmissionAsync(context);

        context.Submissions.Add(new Submission(submission.CityId, submission.ReportingPeriodId, EntityBuilder.Now));
        var error = await Assert.ThrowsAsync<DataConflictException>(() => context.SaveChangesAsync());

        Assert.Contains("Another submission already has this CityId and ReportingPeriodId", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_ValueForUnknownIndicator_ThrowsDataConflictAndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        var (submissionId, _) = await EntityBuilder.SaveSubmissionAsync(database);

        await using (var context = database.CreateContext())
        {
            var submission = await context.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == submissionId);
            submission.SetValue(indicatorId: 9_999, 1m, null, EntityBuilder.Now);
            var error = await Assert.ThrowsAsync<DataConflictException>(() => context.SaveChangesAsync());
            Assert.Contains("refers to a record that does not exist", error.Message);
        }

        await using var check = database.CreateContext();
        Assert.Equal(1, await check.IndicatorValues.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_FrameworkNameAndVersionTwice_ThrowsDataConflict(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        await using var context = database.CreateContext();
        context.Frameworks.Add(new Domain.Frameworks.IndicatorFramework("Same", 1));
        await context.SaveChangesAsync();

        context.Frameworks.Add(new Domain.Frameworks.IndicatorFramework("Same", 1));
        var error = await Assert.ThrowsAsync<DataConflictException>(() => context.SaveChangesAsync());

        Assert.Contains("Another indicator framework already has this Name and Version 'Same', '1'", error.Message);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Indicators_RoundTrip_KeepsDecimalRangesExact(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        await EntityBuilder.SaveSubmissionAsync(database);

        await using var check = database.CreateContext();
        var indicator = await check.Indicators.SingleAsync();
        Assert.Equal(new Domain.Frameworks.ValueRange(40, 100), indicator.PlausibleRange);
        Assert.Equal(80m, (await check.IndicatorValues.SingleAsync()).Value);
    }
}
