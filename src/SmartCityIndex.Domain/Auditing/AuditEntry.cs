namespace SmartCityIndex.Domain.Auditing;

/// <summary>
/// A record of one change: who made it, when (UTC), to which entity, the action, and the old and new values as JSON.
/// Entries are only ever added, never changed.
/// </summary>
public sealed class AuditEntry
{
    private AuditEntry()
    {
    }

    /// <summary>Creates an entry; <paramref name="at"/> must be UTC.</summary>
    public AuditEntry(string userName, DateTime at, string entityType, string entityId, string action, string? oldValues, string? newValues,
        AuditChannel channel = AuditChannel.System)
    {
        Channel = channel;
        UserName = Guard.Text(userName, "The audit user", 256);
        At = Guard.Utc(at, "The audit time");
        EntityType = Guard.Text(entityType, "The audited entity type", 100);
        EntityId = Guard.Text(entityId, "The audited entity id", 100);
        Action = Guard.Text(action, "The audited action", 50);
        OldValues = oldValues;
        NewValues = newValues;
    }

    /// <summary>Database identity.</summary>
    public long Id { get; private set; }

    /// <summary>Who made the change (user name, or <c>system</c>).</summary>
    public string UserName { get; private set; } = string.Empty;

    /// <summary>When the change was made (UTC).</summary>
    public DateTime At { get; private set; }

    /// <summary>The kind of entity changed, e.g. <c>Submission</c>.</summary>
    public string EntityType { get; private set; } = string.Empty;

    /// <summary>The identity of the changed entity.</summary>
    public string EntityId { get; private set; } = string.Empty;

    /// <summary>What was done, e.g. <c>Created</c>, <c>Updated</c>, <c>Approved</c>.</summary>
    public string Action { get; private set; } = string.Empty;

    /// <summary>How the change was made: in a form, by an import, from the command line, or by the system.</summary>
    public AuditChannel Channel { get; private set; }

    /// <summary>The values before the change, as a JSON object; null for a creation.</summary>
    public string? OldValues { get; private set; }

    /// <summary>The values after the change, as a JSON object; null for a deletion.</summary>
    public string? NewValues { get; private set; }
}

/// <summary>How an audited change was made.</summary>
public enum AuditChannel
{
    /// <summary>By the system itself (seeding, background work).</summary>
    System,

    /// <summary>In a form of the portal.</summary>
    Form,

    /// <summary>By importing a file.</summary>
    Import,

    /// <summary>From the command line.</summary>
    Cli,
}
