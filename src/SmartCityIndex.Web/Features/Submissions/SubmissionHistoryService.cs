using System.Text.Json;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>One change in a submission's history: a status step or a value change, newest first.</summary>
public sealed record HistoryLine(DateTime At, string User, string What, string? Indicator, string? Old, string? New, string? Comment, string Channel);

/// <summary>
/// The history of a submission (status steps and every value change) from the audit trail; for the city's
/// officials, evaluators and admins. Anyone else gets nothing, and the refusal is logged.
/// </summary>
public sealed class SubmissionHistoryService(IDbContextFactory<SmartCityIndexDbContext> contextFactory, CurrentUser currentUser, ILogger<SubmissionHistoryService> logger)
{
    public async Task<(string CityEn, string CityZh, IReadOnlyList<HistoryLine> Lines)?> GetAsync(string cityCode, int year, string? indicator, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var found = await (from s in context.Submissions
                           join c in context.Cities on s.CityId equals c.Id
                           join p in context.ReportingPeriods on s.ReportingPeriodId equals p.Id
                           where c.Code == cityCode && p.Year == year
                           select new { s.Id, s.CityId, c.NameEn, c.NameZh }).SingleOrDefaultAsync(ct);
        if (found is null || !access.CanSee(found.CityId))
        {
            logger.LogWarning("Refused: {User} may not see the history of {City} {Year}", access.UserName, cityCode, year);
            return null;
        }

        var prefix = $"{found.Id}/";
        var id = found.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entries = await context.AuditEntries.AsNoTracking()
            .Where(a => (a.EntityType == nameof(IndicatorValue) && a.EntityId.StartsWith(prefix)) || (a.EntityType == nameof(Submission) && a.EntityId == id))
            .ToListAsync(ct);
        var events = await context.SubmissionEvents.AsNoTracking().Where(e => e.SubmissionId == found.Id).ToListAsync(ct);

        var lines = entries
            .Where(a => a.EntityType == nameof(IndicatorValue))
            .Select(a => new HistoryLine(a.At, a.UserName, a.Action, a.EntityId[prefix.Length..], Show(a.OldValues), Show(a.NewValues), null, a.Channel.ToString()))
            .Concat(events.Select(e => new HistoryLine(e.At, e.Actor, e.To.ToString(), null, e.From.ToString(), e.To.ToString(), e.Comment, "Form")))
            .Where(l => indicator is null || l.Indicator == indicator)
            .OrderByDescending(l => l.At)
            .ToList();
        return (found.NameEn, found.NameZh, lines);
    }

    /// <summary>"92.5 · note" or "not available: reason" from an audited value.</summary>
    private static string? Show(string? json)
    {
        if (json is null)
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        string? Text(string name) => root.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        var notAvailable = root.TryGetProperty("notAvailable", out var na) && na.ValueKind == JsonValueKind.True;
        var value = root.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.Number ? NumberInput.Format(v.GetDecimal()) : null;
        var main = notAvailable ? $"n/a: {Text("reason")}" : value ?? "—";
        return Text("note") is { } note ? $"{main} · {note}" : main;
    }
}
