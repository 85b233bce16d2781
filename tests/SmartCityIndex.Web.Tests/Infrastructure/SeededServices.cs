using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCityIndex.Web.Features.Import;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// The portal's services over a seeded database (demo data and accounts), called as a given user without a
/// browser, for service tests on both providers.
/// </summary>
internal sealed class SeededServices(TestDatabase database, PortalFactory factory) : IAsyncDisposable
{
    public TestDatabase Database => database;

    /// <summary>The portal's texts, to put keyed messages into words in a test.</summary>
    public IStringLocalizer<SharedResource> Text => factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();

    public static async Task<SeededServices> CreateAsync(DatabaseProvider provider, PostgresCluster? cluster)
    {
        var database = await SeededTemplates.CopyAsync(provider, cluster);
        var factory = new PortalFactory(database);
        _ = factory.Services; // starts the host (the database is already migrated and seeded)
        return new SeededServices(database, factory);
    }

    /// <summary>The entry service as <paramref name="email"/>, over the portal's contexts or <paramref name="over"/> (a test's own, e.g. with a fault).</summary>
    public async Task<SubmissionEntryService> EntryAsync(string email, IDbContextFactory<SmartCityIndexDbContext>? over = null)
    {
        var services = factory.Services;
        var contexts = over ?? services.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>();
        return new SubmissionEntryService(contexts, await TestUsers.CurrentAsync(contexts, email), TimeProvider.System,
            services.GetRequiredService<IStringLocalizer<SharedResource>>(), services.GetRequiredService<EntryRowValidator>(),
            NullLogger<SubmissionEntryService>.Instance);
    }

    public async Task<ImportService> ImportAsync(string email)
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<SmartCityIndexDbContext>>();
        return new ImportService(contexts, await EntryAsync(email), await TestUsers.CurrentAsync(contexts, email), TimeProvider.System, NullLogger<ImportService>.Instance);
    }

    /// <summary>Deletes the city's submission of the open year, so that a test starts from "not started"; returns the year.</summary>
    public Task<int> FreshYearAsync(string cityCode) => StartFreshAsync(database, cityCode);

    /// <summary>The same on any test database: the demo data come with a submission for every city.</summary>
    public static async Task<int> StartFreshAsync(TestDatabase database, string cityCode)
    {
        await using var context = database.CreateContext();
        var period = await context.ReportingPeriods.Where(p => p.Status == Domain.Periods.PeriodStatus.Open).OrderByDescending(p => p.Year).FirstAsync();
        var city = await context.Cities.SingleAsync(c => c.Code == cityCode);
        await context.Submissions.Where(s => s.CityId == city.Id && s.ReportingPeriodId == period.Id).ExecuteDeleteAsync();
        return period.Year;
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await database.DisposeAsync();
    }
}
