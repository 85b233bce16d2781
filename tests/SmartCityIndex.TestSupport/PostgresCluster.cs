using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartCityIndex.TestSupport;

/// <summary>
/// A throwaway PostgreSQL cluster for tests: initdb into a temporary folder, start on a free loopback port, remove
/// on dispose (about 1.3 s). As root, the server binaries run as the <c>postgres</c> user, since initdb refuses root.
/// Set <c>SCI_TEST_POSTGRES</c> to a connection string (user with CREATEDB) to use an existing server instead.
/// </summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    public const string ExistingServerVariable = "SCI_TEST_POSTGRES";

    private readonly string? _binDirectory;
    private readonly string? _dataDirectory;
    private readonly string _adminConnectionString;
    private int _databaseCounter;
    private int _port;
    private bool _running;

    private PostgresCluster(string adminConnectionString, string? binDirectory, string? dataDirectory)
    {
        _adminConnectionString = adminConnectionString;
        _binDirectory = binDirectory;
        _dataDirectory = dataDirectory;
        _running = true;
    }

    /// <summary>The connection string of the cluster's <c>postgres</c> database.</summary>
    public string AdminConnectionString => _adminConnectionString;

    public static async Task<PostgresCluster> StartAsync()
    {
        var existing = Environment.GetEnvironmentVariable(ExistingServerVariable);
        if (!string.IsNullOrWhiteSpace(existing))
        {
            return new PostgresCluster(existing, null, null);
        }

        var bin = FindBinDirectory();
        var data = ScratchDirectory.CreateSubdirectory("sci-pg-");
        var port = FreePort();
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", data]);
        }

        await RunServerToolAsync(bin, "initdb", ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
        await StartServerAsync(bin, data, port);
        return new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres", bin, data) { _port = port };
    }

    /// <summary>Starts a server stopped by <see cref="StopAsync"/> again, on its port, with its data: a database restart.</summary>
    public async Task StartAgainAsync()
    {
        if (!_running && _dataDirectory is not null && _binDirectory is not null)
        {
            await StartServerAsync(_binDirectory, _dataDirectory, _port);
            _running = true;
        }
    }

    private static Task StartServerAsync(string bin, string data, int port) => RunServerToolAsync(bin, "pg_ctl", [
        "-D", data, "-w", "-l", Path.Combine(data, "server.log"), "start",
        "-o", $"-p {port} -c listen_addresses=127.0.0.1 -k {data} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
    ]);

    /// <summary>
    /// Creates a database with a unique name and returns its connection string: empty, or a copy of
    /// <paramref name="template"/> (a database of this cluster that nobody is connected to).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string? template = null)
    {
        var name = $"sci_{Interlocked.Increment(ref _databaseCounter)}_{Guid.NewGuid():N}";
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_adminConnectionString);
        await using (var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString))
        {
            await connection.OpenAsync();
            var copy = template is null ? string.Empty : $" TEMPLATE \"{template}\"";
            await using var command = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"{copy}", connection);
            await command.ExecuteNonQueryAsync();
        }

        builder.Database = name;
        return builder.ConnectionString;
    }

    /// <summary>
    /// Stops the server (the data stay until dispose), to test what happens when the database goes away: as a restart
    /// by its administrator does (fast: sessions cut off, what was committed written out), since the test cluster does
    /// not wait for its disk (fsync and synchronous_commit off) and an immediate stop would lose committed work.
    /// </summary>
    public async Task StopAsync()
    {
        if (_running && _dataDirectory is not null && _binDirectory is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await RunServerToolAsync(_binDirectory, "pg_ctl", ["-D", _dataDirectory, "-m", "fast", "-w", "stop"]);
            _running = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_dataDirectory is not null)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open: the folder is under /tmp and the next boot clears it.
            }
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static string FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            $"PostgreSQL server binaries were not found under {root}. Install them (apt-get install -y postgresql) " +
            $"or set {ExistingServerVariable} to the connection string of a server the tests may create databases on.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunServerToolAsync(string bin, string tool, IReadOnlyList<string> arguments) =>
        IsRoot
            ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments])
            : RunAsync(Path.Combine(bin, tool), arguments);

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', arguments)} failed with exit code {process.ExitCode}:\n{await output}\n{await error}");
        }
    }
}
