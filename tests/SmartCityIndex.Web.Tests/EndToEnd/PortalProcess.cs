using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SmartCityIndex.Web.Tests.EndToEnd;

/// <summary>
/// The built portal run as a process of its own (<c>dotnet src/SmartCityIndex.Web/bin/…/SmartCityIndex.Web.dll</c>),
/// as it runs in production, so that a test can kill it as an operating system would (SIGKILL) and start it again on
/// the same address. Development environment, over a database the test gives (already seeded with the demo).
/// </summary>
internal sealed class PortalProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log;

    private PortalProcess(Process process, StringBuilder log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>A free loopback port, for the first start; a restart passes the same one again.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the portal on <paramref name="port"/> and returns once <c>/health/ready</c> answers 200 (at most 90 s).</summary>
    public static async Task<PortalProcess> StartAsync(TestDatabase database, int port)
    {
        var (dll, project) = Locate();
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = project, // the content root, as `dotnet run` has it (static web assets in Development)
        };
        start.ArgumentList.Add(dll);
        foreach (var name in new[] { "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "Database__SeedDemoData" })
        {
            start.Environment.Remove(name);
        }

        var address = new Uri($"http://127.0.0.1:{port}");
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = database.Provider.ToString();
        start.Environment["ConnectionStrings__SmartCityIndex"] = database.ConnectionString;
        // No demo seeding: the test's database is a copy of the seeded one, and a seed at start-up would put back the
        // demo submission the test removed to start from an empty form.
        start.Environment["Database__SeedDemoData"] = "false";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";

        var log = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var portal = new PortalProcess(process, log, address);

        using var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The portal exited with code {process.ExitCode} while starting:\n{portal.Log}");
            }

            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return portal;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            if (DateTime.UtcNow > until)
            {
                await portal.DisposeAsync();
                throw new TimeoutException($"The portal did not become ready on {address} within 90 s:\n{portal.Log}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>What the process wrote (its last 20,000 characters), for a failure's message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.Length > 20_000 ? _log.ToString(_log.Length - 20_000, 20_000) : _log.ToString();
            }
        }
    }

    /// <summary>
    /// SIGSTOP: the process stops running where it is, its connections left open, so that the browser does not yet
    /// notice; what the browser sends meanwhile is never read.
    /// </summary>
    public Task FreezeAsync() => SignalAsync("STOP");

    /// <summary>SIGKILL, as the kernel's out-of-memory killer or <c>kill -9</c> would: no shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true); // SIGKILL on Linux
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    private async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {_process.Id}") { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    /// <summary>The portal's build of the same configuration as the tests' (…/bin/Release/net10.0), and its project folder.</summary>
    private static (string Dll, string Project) Locate()
    {
        var here = new DirectoryInfo(AppContext.BaseDirectory);
        var framework = here.Name;
        var configuration = here.Parent!.Name;
        for (var folder = here; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SmartCityIndex.sln")))
            {
                var project = Path.Combine(folder.FullName, "src", "SmartCityIndex.Web");
                var dll = Path.Combine(project, "bin", configuration, framework, "SmartCityIndex.Web.dll");
                return File.Exists(dll) ? (dll, project) : throw new FileNotFoundException($"Build the portal first ({configuration}): {dll} is missing.");
            }
        }

        throw new DirectoryNotFoundException($"SmartCityIndex.sln was not found above {AppContext.BaseDirectory}.");
    }
}
