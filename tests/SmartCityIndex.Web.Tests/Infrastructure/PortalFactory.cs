using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>
/// The real portal (Program.cs and all) over a real database. <see cref="StartOnKestrelAsync"/> serves it on a free
/// loopback port for the browser tests; <c>CreateClient()</c> talks to it in memory.
/// </summary>
/// <remarks>
/// <paramref name="settings"/> are a test's own configuration; <paramref name="services"/> are a test's own services, registered after the portal's so that they replace them: a
/// clock (a <see cref="SteppedClock"/> for timing logic), a slowed-down server.
/// </remarks>
public sealed class PortalFactory(TestDatabase database, bool? seedDemoData = true, Action<IServiceCollection>? services = null, string environment = "Production",
    IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    /// <summary>Starts Kestrel and returns the address the portal listens on, e.g. http://127.0.0.1:41234.</summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        return new Uri(addresses.Addresses.Single());
    }

    public Task<Uri> StartOnKestrelAsync() => Task.Run(StartOnKestrel);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider.ToString(),
            ["ConnectionStrings:SmartCityIndex"] = database.ConnectionString,
            ["Database:SeedDemoData"] = seedDemoData?.ToString(), // null: the portal's own default
            ["Serilog:MinimumLevel:Default"] = "Warning",
            // Sessions of disabled users end after a second rather than a minute, so tests can see it happen.
            [AuthenticationSetup.RevalidationSecondsKey] = "1",
        }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>())); // a test's own settings, over the above
        if (services is not null)
        {
            builder.ConfigureTestServices(services); // a test's own services (e.g. a slowed-down server), after the app's
        }
    }
}
