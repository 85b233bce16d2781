using Microsoft.AspNetCore.Components.Server.Circuits;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The seeded portal on a server that answers slowly, as under heavy load: every message from a browser (a key typed,
/// a click) holds the circuit up to 150 ms before it is handled, and every database operation up to 250 ms. Renders then
/// reach the browser late, while the person is already typing the next keys.
/// </summary>
public sealed class SlowServerPortalFixture : SeededPortal
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.CreateAsync(DatabaseProvider.Sqlite, cluster: null);

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddScoped<CircuitHandler, SlowInbound>();
        var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<SmartCityIndexDbContext>));
        services.Remove(original);
        services.Add(new ServiceDescriptor(typeof(IDbContextFactory<SmartCityIndexDbContext>),
            provider => new SlowContexts((IDbContextFactory<SmartCityIndexDbContext>)(original.ImplementationInstance
                ?? original.ImplementationFactory?.Invoke(provider)
                ?? ActivatorUtilities.CreateInstance(provider, original.ImplementationType!))),
            original.Lifetime));
    }

    private static TimeSpan Pause(int maxMilliseconds) => TimeSpan.FromMilliseconds(Random.Shared.Next(maxMilliseconds));

    private sealed class SlowInbound : CircuitHandler
    {
        public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
            context =>
            {
                // Blocking, as a server busy with other work would: the messages stay in their order (an await here
                // would let a later key overtake an earlier one, which no real server does).
                Thread.Sleep(Pause(150));
                return next(context);
            };
    }

    private sealed class SlowContexts(IDbContextFactory<SmartCityIndexDbContext> inner) : IDbContextFactory<SmartCityIndexDbContext>
    {
        public SmartCityIndexDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<SmartCityIndexDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default)
        {
            await Task.Delay(Pause(250), cancellationToken);
            return await inner.CreateDbContextAsync(cancellationToken);
        }
    }
}
