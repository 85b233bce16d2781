using SmartCityIndex.Infrastructure.Auditing;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Localization;
using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>A value the import would change: from what to what, and where in the file.</summary>
public sealed record ImportChange(int Row, int IndicatorId, string Code, ValueSnapshot Old, ValueSnapshot New);

/// <summary>The dry run: every change and every problem, before anything is written.</summary>
public sealed record ImportPreview(int SubmissionId, Guid Stamp, IReadOnlyList<ImportChange> Changes, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanApply => Problems.Count == 0 && Changes.Count > 0;
}

/// <summary>
/// Spreadsheet import for officials: a template per city and year (CSV or XLSX, with codes, names, units and the
/// current values), a dry run of an upload, and applying it in one transaction (all rows or none). Access is the
/// entry form's: the city's officials only.
/// </summary>
public sealed class ImportService(
    IDbContextFactory<SmartCityIndexDbContext> contextFactory,
    SubmissionEntryService entry,
    CurrentUser currentUser,
    TimeProvider clock,
    ILogger<ImportService> logger)
{
    /// <summary>The template file, or null when the caller may not enter data for that city and year.</summary>
    public async Task<(byte[] Content, string FileName, string ContentType)?> TemplateAsync(string cityCode, int year, bool xlsx, CancellationToken ct = default)
    {
        var form = await entry.OpenAsync(cityCode, year, ct);
        if (form is null)
        {
            return null;
        }

        var rows = form.Rows.Select(r => new Dictionary<string, object?>
        {
            [ImportFile.CodeColumn] = r.Indicator.Code,
            ["indicator"] = LocalizationSetup.Pick(r.Indicator.NameEn, r.Indicator.NameZh),
            ["unit"] = r.Indicator.Unit,
            [ImportFile.ValueColumn] = r.Saved.Value,
            [ImportFile.ReasonColumn] = r.Saved.Reason,
            [ImportFile.NoteColumn] = r.Saved.Note,
        }).ToList();
        var file = await Export.SpreadsheetFile.WriteAsync(rows, $"{cityCode}-{year}", xlsx, ct);
        return (file.Content, file.FileName, file.ContentType);
    }

    /// <summary>Reads the upload and compares it with the saved values; writes nothing.</summary>
    public async Task<ImportPreview?> PreviewAsync(string cityCode, int year, byte[] content, string fileName, CancellationToken ct = default)
    {
        var form = await entry.OpenAsync(cityCode, year, ct);
        if (form is null)
        {
            return null;
        }

        var stamp = await StampAsync(form.SubmissionId, ct);
        if (!form.IsEditable)
        {
            return new ImportPreview(form.SubmissionId, stamp, [], [new ImportProblem(null, null, $"This submission is {form.Status.ToString().ToLowerInvariant()}: values can no longer be imported.")]);
        }

        var (rows, fileProblems) = ImportFile.Read(content, fileName);
        var problems = fileProblems.ToList();
        var changes = new List<ImportChange>();
        var byCode = form.Rows.ToDictionary(r => r.Indicator.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row.Code is null)
            {
                problems.Add(new ImportProblem(row.Row, ImportFile.CodeColumn, $"Row {row.Row}, column {ImportFile.CodeColumn}: the indicator code is empty."));
                continue;
            }

            if (!byCode.TryGetValue(row.Code, out var target))
            {
                problems.Add(new ImportProblem(row.Row, ImportFile.CodeColumn, $"Row {row.Row}, column {ImportFile.CodeColumn}: '{row.Code}' is not an indicator of this reporting year."));
                continue;
            }

            if (seen.TryGetValue(row.Code, out var earlier))
            {
                problems.Add(new ImportProblem(row.Row, ImportFile.CodeColumn, $"Row {row.Row}, column {ImportFile.CodeColumn}: '{row.Code}' appears again (first in row {earlier})."));
                continue;
            }

            seen[row.Code] = row.Row;
            if (ReadValue(row, target, problems) is { } value && value != target.Saved)
            {
                changes.Add(new ImportChange(row.Row, target.Indicator.Id, target.Indicator.Code, target.Saved, value));
            }
        }

        return new ImportPreview(form.SubmissionId, stamp, problems.Count == 0 ? changes : [], problems);
    }

    /// <summary>
    /// Writes every change of the preview in one transaction, or none: refused when the preview had problems, or
    /// when the submission changed after the preview (preview again).
    /// </summary>
    public async Task<bool> ApplyAsync(ImportPreview preview, CancellationToken ct = default)
    {
        if (!preview.CanApply)
        {
            return false;
        }

        var access = await currentUser.GetAsync(ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        await using var transaction = await context.Database.BeginTransactionAsync(ct);
        var submission = await context.Submissions.Include(s => s.Values).SingleOrDefaultAsync(s => s.Id == preview.SubmissionId, ct);
        if (submission is null || !access.IsOfficial || !access.CanSee(submission.CityId) || submission.ConcurrencyStamp != preview.Stamp || !submission.IsEditable)
        {
            logger.LogWarning("Import into submission {Submission} by {User} refused: changed since the preview or not allowed", preview.SubmissionId, access.UserName);
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var change in preview.Changes)
        {
            if (change.New.NotAvailable)
            {
                submission.SetNotAvailable(change.IndicatorId, change.New.Reason!, change.New.Note, now);
            }
            else
            {
                submission.SetValue(change.IndicatorId, change.New.Value, change.New.Note, now);
            }

            context.Record(access.UserName, now, nameof(IndicatorValue), $"{submission.Id}/{change.Code}", "Changed",
                Describe(change.Old), Describe(change.New), AuditChannel.Import);
        }

        try
        {
            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }

        logger.LogInformation("{User} imported {Count} value(s) into submission {Submission}", access.UserName, preview.Changes.Count, submission.Id);
        return true;
    }

    private static ValueSnapshot? ReadValue(ImportRow row, EntryRow target, List<ImportProblem> problems)
    {
        if (row.Value is not null && row.Reason is not null)
        {
            problems.Add(new ImportProblem(row.Row, ImportFile.ReasonColumn, $"Row {row.Row}: give either a value or a reason it is not available, not both."));
            return null;
        }

        if (row.Reason is not null)
        {
            return new ValueSnapshot(null, true, row.Reason, row.Note);
        }

        if (row.Value is null)
        {
            return row.Note == target.Saved.Note || row.Note is null ? null : target.Saved with { Note = row.Note };
        }

        if (!NumberInput.TryParse(row.Value, out var value))
        {
            problems.Add(new ImportProblem(row.Row, ImportFile.ValueColumn, $"Row {row.Row}, column {ImportFile.ValueColumn}: '{row.Value}' is not a number."));
            return null;
        }

        if (target.Indicator.HardRange is { } hard && !hard.Contains(value))
        {
            problems.Add(new ImportProblem(row.Row, ImportFile.ValueColumn,
                $"Row {row.Row}, column {ImportFile.ValueColumn}: {Plain(value)} is outside {Plain(hard.Min)}–{Plain(hard.Max)} {target.Indicator.Unit} for {target.Indicator.Code}."));
            return null;
        }

        return new ValueSnapshot(value, false, null, row.Note);
    }

    private static string Plain(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private async Task<Guid> StampAsync(int submissionId, CancellationToken ct)
    {
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        return await context.Submissions.Where(s => s.Id == submissionId).Select(s => s.ConcurrencyStamp).SingleAsync(ct);
    }

    private static object Describe(ValueSnapshot v) => new { value = v.Value, notAvailable = v.NotAvailable, reason = v.Reason, note = v.Note };
}
