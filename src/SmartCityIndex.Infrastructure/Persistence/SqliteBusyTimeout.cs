using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SmartCityIndex.Infrastructure.Persistence;

/// <summary>
/// Lets SQLite itself wait for a busy database (<c>PRAGMA busy_timeout</c>) on every connection, instead of
/// Microsoft.Data.Sqlite's fixed 150 ms sleeps between retries: with many officials saving at once on the embedded
/// database, a write that finds another in progress now waits only as long as that one takes.
/// </summary>
internal sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
