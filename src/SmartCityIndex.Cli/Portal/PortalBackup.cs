using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;
using SmartCityIndex.Infrastructure.Persistence;

namespace SmartCityIndex.Cli.Portal;

/// <summary>
/// <c>sci backup</c> and <c>sci restore</c>: the whole portal database (values, submissions, runs, the audit trail,
/// accounts, sessions and data protection keys) to one file and back. SQLite through its online backup API, which
/// copies a consistent database while the portal runs; PostgreSQL through <c>pg_dump</c> and <c>pg_restore</c> in
/// their custom format, which must be installed (the PostgreSQL client tools of the server's major version or later).
/// </summary>
internal static class PortalBackup
{
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();
    private static readonly byte[] PgDumpHeader = "PGDMP"u8.ToArray();

    /// <summary>The tables whose rows a backup and a restore count, so that a person can see that all came across.</summary>
    private static readonly string[] Counted = ["IndicatorValues", "Submissions", "ScoreRuns", "AuditEntries", "AspNetUsers"];

    public static async Task<string> BackupAsync(DatabaseTarget database, string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        if (File.Exists(path))
        {
            throw new InputException($"{path} exists already: a backup never overwrites a file; give a new name.");
        }

        if (!Directory.Exists(Path.GetDirectoryName(path)))
        {
            throw new InputException($"The folder of {path} does not exist.");
        }

        var counts = await CountAsync(database, cancellationToken);
        try
        {
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                await using var source = new SqliteConnection(database.ConnectionString);
                await source.OpenAsync(cancellationToken);
                await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
                await target.OpenAsync(cancellationToken);
                source.BackupDatabase(target);
            }
            else
            {
                await RunPostgresToolAsync("pg_dump", database.ConnectionString, ["--format=custom", "--no-owner", "--no-privileges", $"--file={path}"], cancellationToken);
            }
        }
        catch
        {
            File.Delete(path); // no half-written backup is left to be mistaken for a good one
            throw;
        }

        return $"Backed up the {database.Provider} database to {path} ({new FileInfo(path).Length / 1024.0:0.#} KB): {Describe(counts)}.";
    }

    public static async Task<string> RestoreAsync(DatabaseTarget database, string file, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(file);
        if (!File.Exists(path))
        {
            throw new InputException($"{path} does not exist.");
        }

        var header = new byte[16];
        await using (var stream = File.OpenRead(path))
        {
            await stream.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        }

        var expected = database.Provider == DatabaseProvider.Sqlite ? SqliteHeader : PgDumpHeader;
        if (!header.AsSpan().StartsWith(expected))
        {
            throw new InputException($"{path} is not a backup of a {database.Provider} database made by sci backup.");
        }

        if (await TableCountAsync(database, cancellationToken) > 0)
        {
            throw new InputException("The database to restore into is not empty: restore into a new, empty database, then point the portal at it.");
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await source.OpenAsync(cancellationToken);
            await using var target = new SqliteConnection(database.ConnectionString);
            await target.OpenAsync(cancellationToken);
            source.BackupDatabase(target);
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            await RunPostgresToolAsync("pg_restore", database.ConnectionString, ["--no-owner", "--no-privileges", "--exit-on-error", $"--dbname={builder.Database}", path], cancellationToken);
        }

        return $"Restored {path} into the {database.Provider} database: {Describe(await CountAsync(database, cancellationToken))}.";
    }

    private static string Describe(IReadOnlyDictionary<string, long> counts) =>
        $"{counts["IndicatorValues"]} values, {counts["Submissions"]} submissions, {counts["ScoreRuns"]} score runs, " +
        $"{counts["AuditEntries"]} audit entries, {counts["AspNetUsers"]} accounts";

    private static async Task<Dictionary<string, long>> CountAsync(DatabaseTarget database, CancellationToken cancellationToken)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(cancellationToken);
        var counts = new Dictionary<string, long>();
        foreach (var table in Counted)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            try
            {
                counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (DbException)
            {
                throw new InputException($"The database has no table {table}: it is not a portal database (or not migrated yet).");
            }
        }

        return counts;
    }

    private static async Task<long> TableCountAsync(DatabaseTarget database, CancellationToken cancellationToken)
    {
        await using var connection = Open(database);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = database.Provider == DatabaseProvider.Sqlite
            ? "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
            : "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static DbConnection Open(DatabaseTarget database) => database.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(database.ConnectionString)
        : new NpgsqlConnection(database.ConnectionString);

    /// <summary>Runs pg_dump or pg_restore with the connection's server, user and password (the password through the environment, never the command line).</summary>
    private static async Task RunPostgresToolAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(FindTool(tool)) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PGHOST"] = builder.Host ?? "localhost";
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database ?? string.Empty;
        start.Environment["PGUSER"] = builder.Username ?? Environment.UserName;
        if (!string.IsNullOrEmpty(builder.Password))
        {
            start.Environment["PGPASSWORD"] = builder.Password;
        }

        using var process = Process.Start(start) ?? throw new InputException($"Could not start {tool}.");
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InputException($"{tool} failed (exit code {process.ExitCode}): {(await error).Trim()}");
        }
    }

    /// <summary>On the PATH, else the newest of Debian's /usr/lib/postgresql/N/bin.</summary>
    private static string FindTool(string tool)
    {
        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(folder, tool)))
            {
                return Path.Combine(folder, tool);
            }
        }

        const string debian = "/usr/lib/postgresql";
        var newest = Directory.Exists(debian)
            ? Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin", tool)).Where(File.Exists)
                .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0).FirstOrDefault()
            : null;
        return newest ?? throw new InputException($"{tool} is not installed: install the PostgreSQL client tools (e.g. apt-get install postgresql-client).");
    }
}
