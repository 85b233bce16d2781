namespace SmartCityIndex.Infrastructure.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_TwoEditorsOfOneSubmission_SecondSaveIsRefusedAndFirstValueKept(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        var (submissionId, indicatorId) = await EntityBuilder.SaveSubmissionAsync(database);

        await using var alice = database.CreateContext();
        await using var bob = database.CreateContext();
        var alicesCopy = await alice.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == submissionId);
        var bobsCopy = await bob.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == submissionId);

        alicesCopy.SetValue(indicatorId, 81m, "Alice", EntityBuilder.Now.AddMinutes(1));
        await alice.SaveChangesAsync();
        bobsCopy.SetValue(indicatorId, 95m, "Bob", EntityBuilder.Now.AddMinutes(2));

        var conflict = await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => bob.SaveChangesAsync());

        Assert.Contains(conflict.Entries, e => e.Metadata.ClrType.Name == "Submission");
        await using var check = database.CreateContext();
        var stored = await check.IndicatorValues.SingleAsync();
        Assert.Equal(81m, stored.Value);
        Assert.Equal("Alice", stored.Note);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveChanges_StatusChangeAfterAnotherEdit_IsRefused(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        var (submissionId, indicatorId) = await EntityBuilder.SaveSubmissionAsync(database);

        await using var official = database.CreateContext();
        await using var colleague = database.CreateContext();
        var officialsCopy = await official.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == submissionId);
        var colleaguesCopy = await colleague.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == submissionId);
        colleaguesCopy.SetValue(indicatorId, 12m, null, EntityBuilder.Now);
        await colleague.SaveChangesAsync();

        officialsCopy.Submit("official", EntityBuilder.Now);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => official.SaveChangesAsync());
        await using var check = database.CreateContext();
        Assert.Equal(Domain.Submissions.SubmissionStatus.Draft, (await check.Submissions.SingleAsync()).Status);
    }
}
