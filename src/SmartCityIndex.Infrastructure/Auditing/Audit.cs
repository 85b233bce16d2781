using System.Text.Json;
using SmartCityIndex.Domain.Auditing;

namespace SmartCityIndex.Infrastructure.Auditing;

/// <summary>
/// Adds audit entries to a context, so that they are saved in the same transaction as the change they describe
/// (one SaveChanges): who, when (UTC), what, old and new values as JSON, and how (form, import, CLI). The portal and
/// the command line both write their entries here, so that every entry has the same shape.
/// </summary>
public static class Audit
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static void Record(this SmartCityIndexDbContext context, string user, DateTime at, string entityType, object entityId,
        string action, object? oldValues, object? newValues, AuditChannel channel) =>
        context.AuditEntries.Add(new AuditEntry(user, at, entityType, entityId.ToString() ?? string.Empty, action,
            oldValues is null ? null : JsonSerializer.Serialize(oldValues, Json),
            newValues is null ? null : JsonSerializer.Serialize(newValues, Json),
            channel));
}
