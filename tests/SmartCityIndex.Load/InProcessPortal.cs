using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Infrastructure.Identity;

namespace SmartCityIndex.Load;

/// <summary>
/// The real portal (Program.cs and all), in this process so that its managed heap can be read, served by Kestrel on a
/// loopback port, over a database seeded beforehand with <c>sci seed</c>.
/// </summary>
internal sealed class InProcessPortal(string provider, string connectionString) : WebApplicationFactory<Program>
{
    public Uri Start()
    {
        // WebApplicationFactory finds a test project's content root from a manifest; this is not a test project.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "SmartCityIndex.sln")))
        {
            root = root.Parent;
        }

        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SMARTCITYINDEX_WEB",
            Path.Combine(root?.FullName ?? throw new InvalidOperationException("Run from the repository."), "src", "SmartCityIndex.Web"));
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();

        // The portal scores every period once at start-up, in the background: let that finish before measuring.
        var runs = Services.GetRequiredService<Web.Features.Rankings.ScoreRunQueue>();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (runs.Pending > 0 && waited.Elapsed < TimeSpan.FromMinutes(5))
        {
            Thread.Sleep(100);
        }

        Console.WriteLine($"start-up score runs done in {waited.Elapsed.TotalSeconds:F1} s");
        return new Uri(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = provider,
            ["ConnectionStrings:SmartCityIndex"] = connectionString,
            ["Database:SeedDemoData"] = "false",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        }));
    }

    /// <summary>A scope of the portal's container signed in as <paramref name="email"/>, as a circuit is.</summary>
    public async Task<AsyncServiceScope> ScopeAsAsync(string email)
    {
        var scope = Services.CreateAsyncScope();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<PortalUser>>();
        var user = await signIn.UserManager.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email}: run sci seed first.");
        ClaimsPrincipal principal = await signIn.CreateUserPrincipalAsync(user);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }
}
