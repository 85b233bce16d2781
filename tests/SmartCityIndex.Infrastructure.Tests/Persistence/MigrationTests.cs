namespace SmartCityIndex.Infrastructure.Tests.Persistence;

[Collection(PostgresCollection.Name)]
public sealed class MigrationTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_EmptyDatabase_AppliesEveryMigrationAndCreatesTheTables(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres.Cluster);
        await database.MigrateAsync();
        await using var context = database.CreateContext();

        var applied = await context.Database.GetAppliedMigrationsAsync();

        Assert.Equal(context.Database.GetMigrations(), applied);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await context.Cities.CountAsync());
        Assert.Equal(0, await context.IndicatorValues.CountAsync());
        Assert.Equal(0, await context.AuditEntries.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task HasPendingModelChanges_ProviderMigrations_MatchTheModel(DatabaseProvider provider)
    {
        // Fails when an entity or configuration changed without `dotnet ef migrations add` for this provider.
        await using var database = await TestDatabase.CreateAsync(provider, postgres.Cluster);
        await using var context = database.CreateContext();

        Assert.False(
            context.Database.HasPendingModelChanges(),
            $"The {provider} migrations do not match the model: run `dotnet ef migrations add <Name> --project src/SmartCityIndex.Migrations.{provider} --startup-project src/SmartCityIndex.Migrations.{provider}`.");
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Migrate_Twice_IsHarmless(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, postgres.Cluster);
        await database.MigrateAsync();

        await database.MigrateAsync();

        await using var context = database.CreateContext();
        Assert.Equal(context.Database.GetMigrations().Count(), (await context.Database.GetAppliedMigrationsAsync()).Count());
    }
}
