using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>
/// Tells a database that cannot be reached or cannot write now (stopped, restarting, a dropped connection, a full
/// disk, read-only, busy, timed out, retries exhausted) from a fault in what was asked of it. The first kind passes:
/// the portal keeps what people typed and tries again; the second is a bug to report.
/// </summary>
public static class DatabaseOutage
{
    // SQLite result codes (the primary code is the low byte of the extended one): https://sqlite.org/rescode.html
    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteReadOnly = 8, SqliteIoError = 10, SqliteFull = 13, SqliteCannotOpen = 14;

    public static bool Is(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => IsOutage(postgres.SqlState),
        NpgsqlException npgsql => npgsql.IsTransient || npgsql.InnerException is SocketException or IOException or TimeoutException,
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteBusy or SqliteLocked or SqliteReadOnly or SqliteIoError or SqliteFull or SqliteCannotOpen,
        TimeoutException or SocketException => true,
        RetryLimitExceededException => true,
        DbException => false,
        _ => Is(exception.InnerException),
    };

    /// <summary>
    /// Of <see cref="Is"/>, the database that answers but cannot write: read-only (a standby after a failover,
    /// <c>default_transaction_read_only</c>, a file system remounted read-only) or out of disk space.
    /// </summary>
    public static bool IsCannotWrite(Exception? exception) => exception switch
    {
        null => false,
        PostgresException postgres => postgres.SqlState is "25006" or "53100", // read-only transaction, disk full
        SqliteException sqlite => (sqlite.SqliteErrorCode & 0xFF) is SqliteReadOnly or SqliteFull,
        DbException => false,
        _ => IsCannotWrite(exception.InnerException),
    };

    private static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) // connection exceptions
        || sqlState.StartsWith("53", StringComparison.Ordinal) // insufficient resources: disk full, out of memory, too many connections
        || sqlState.StartsWith("57P", StringComparison.Ordinal) // shut down by an admin, crash, cannot connect now
        || sqlState is "25006" // read-only transaction (a standby, or default_transaction_read_only)
        || sqlState is "40001" or "40P01"; // serialization failure, deadlock: try again
}
