using SmartCityIndex.Infrastructure.Auditing;
using System.Text;
using MiniExcelLibs;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>
/// A value the import would change: from what to what (the value, its reason or its note), where in the file, and the
/// warnings the entry form will show for the new value (outside the plausible range, a large change from last
/// year), which need a note before the submission can be sent.
/// </summary>
public sealed record ImportChange(int Row, int IndicatorId, ImportIndicator Indicator, ValueSnapshot Old, ValueSnapshot New, IReadOnlyList<ValueFinding> Warnings)
{
    public string Code => Indicator.Code;

    /// <summary>The value or its "not available" reason changes (not only the note).</summary>
    public bool ValueChanged => Old.Value != New.Value || Old.NotAvailable != New.NotAvailable || Old.Reason != New.Reason;

    public bool NoteChanged => Old.Note != New.Note;

    /// <summary>Submitting will ask for a note: the new value has a warning and no note.</summary>
    public bool NeedsNote => Warnings.Count > 0 && string.IsNullOrWhiteSpace(New.Note);
}

/// <summary>The dry run: every change and every problem, before anything is written.</summary>
public sealed record ImportPreview(int SubmissionId, Guid Stamp, IReadOnlyList<ImportChange> Changes, IReadOnlyList<ImportProblem> Problems)
{
    public bool CanApply => Problems.Count == 0 && Changes.Count > 0;

    public int Warnings => Changes.Count(c => c.Warnings.Count > 0);
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

    /// <summary>Reads the upload and compares it with the saved values; writes nothing. Every problem is listed at once.</summary>
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
            return new ImportPreview(form.SubmissionId, stamp, [], [new ImportProblem(fileName, nameof(Keys.ImportLocked), form.Status)]);
        }

        var read = ImportFile.Read(content, fileName, ct);
        var problems = read.Problems.ToList();
        var changes = new List<ImportChange>();
        var byCode = form.Rows.ToDictionary(r => r.Indicator.Code, StringComparer.OrdinalIgnoreCase);
        var seen = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in read.Rows)
        {
            ImportProblem At(string field, ImportIndicator? indicator, string key, params object?[] args) =>
                new(fileName, key, args) { Row = row.Row, Column = read.Columns.GetValueOrDefault(field), Field = field, Indicator = indicator };

            if (row.Code is null)
            {
                problems.Add(At(ImportFile.CodeColumn, null, nameof(Keys.ImportCodeEmpty)));
                continue;
            }

            if (!byCode.TryGetValue(row.Code, out var target))
            {
                problems.Add(At(ImportFile.CodeColumn, null, nameof(Keys.ImportUnknownCode), row.Code));
                continue;
            }

            var indicator = new ImportIndicator(target.Indicator.Code, target.Indicator.NameEn, target.Indicator.NameZh);
            if (seen.TryGetValue(row.Code, out var earlier))
            {
                problems.Add(At(ImportFile.CodeColumn, indicator, nameof(Keys.ImportDuplicateCode), row.Code, earlier));
                continue;
            }

            seen[row.Code] = row.Row;
            if (row.Value is not null && row.Reason is not null)
            {
                problems.Add(At(ImportFile.ReasonColumn, indicator, nameof(Keys.ImportValueAndReason)));
                continue;
            }

            if (row.Note is { Length: > IndicatorValue.MaxNoteLength } note)
            {
                problems.Add(At(ImportFile.NoteColumn, indicator, nameof(Keys.ImportNoteTooLong), note.Length, IndicatorValue.MaxNoteLength));
                continue;
            }

            if (row.Reason is { Length: > IndicatorValue.MaxReasonLength } reason)
            {
                problems.Add(At(ImportFile.ReasonColumn, indicator, nameof(Keys.ImportReasonTooLong), reason.Length, IndicatorValue.MaxReasonLength));
                continue;
            }

            if (ReadValue(row, target, read.Columns.ContainsKey(ImportFile.NoteColumn)) is not { } value)
            {
                problems.Add(At(ImportFile.ValueColumn, indicator, nameof(Keys.ImportNotANumber), row.Value));
                continue;
            }

            if (value.Value is { } number && !IndicatorValue.IsStorable(number))
            {
                problems.Add(At(ImportFile.ValueColumn, indicator, nameof(Keys.ImportValueNotStorable), row.Value, IndicatorValue.MaxDecimals));
                continue;
            }

            if (value == target.Saved)
            {
                continue;
            }

            var findings = value.Value.HasValue || value.NotAvailable
                ? ValueCheck.Check(target.Indicator, value.Value, value.NotAvailable, target.LastYear)
                : [];
            if (findings.FirstOrDefault(f => f.Kind == CheckKind.OutsideHardRange) is { } hard)
            {
                problems.Add(At(ImportFile.ValueColumn, indicator, nameof(Keys.ImportOutsideHard), value.Value, hard.Low, hard.High, new ImportUnit(target.Indicator.Unit)));
                continue;
            }

            changes.Add(new ImportChange(row.Row, target.Indicator.Id, indicator, target.Saved, value, [.. findings.Where(f => f.Severity == CheckSeverity.Warning)]));
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
        // The whole attempt again on a dropped connection (PostgreSQL): the stamp check then refuses a second apply.
        return await contextFactory.InTransactionAsync(async (context, transaction) =>
        {
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
        }, ct);
    }

    /// <summary>
    /// The row as the value it would save, or null when the value is not a number. A blank value cell keeps the saved
    /// value; a file without a note column keeps the saved notes (with one, its note is the note, blank or not).
    /// </summary>
    private static ValueSnapshot? ReadValue(ImportRow row, EntryRow target, bool hasNotes)
    {
        var note = hasNotes ? row.Note : target.Saved.Note;
        if (row.Reason is not null)
        {
            return new ValueSnapshot(null, true, row.Reason, note);
        }

        if (row.Value is null)
        {
            return target.Saved with { Note = note };
        }

        return NumberInput.TryParse(row.Value, out var value) ? new ValueSnapshot(value, false, null, note) : null;
    }

    private async Task<Guid> StampAsync(int submissionId, CancellationToken ct)
    {
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        return await context.Submissions.Where(s => s.Id == submissionId).Select(s => s.ConcurrencyStamp).SingleAsync(ct);
    }

    private static object Describe(ValueSnapshot v) => new { value = v.Value, notAvailable = v.NotAvailable, reason = v.Reason, note = v.Note };
}
