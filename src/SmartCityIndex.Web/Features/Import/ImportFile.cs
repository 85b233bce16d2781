using System.IO.Compression;
using System.Text;
using System.Xml;
using MiniExcelLibs;
using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>One data row of an uploaded template: its row number in the file and its cells by column name.</summary>
public sealed record ImportRow(int Row, string? Code, string? Value, string? Reason, string? Note);

/// <summary>
/// What was read from an upload: its rows, every problem found with the file, and the letters of the template's columns
/// (<c>value</c> is column D in the portal's templates) so that row problems can name the column.
/// </summary>
public sealed record ImportRead(IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems, IReadOnlyDictionary<string, string> Columns)
{
    public static ImportRead Failed(params ImportProblem[] problems) => new([], problems, new Dictionary<string, string>());
}

/// <summary>
/// Reads an uploaded template safely: at most 5 MB; the type is decided by the content (an XLSX is a ZIP with a
/// workbook in it; a CSV is UTF-8 text), never by the file name; an XLSX may expand to at most 50 MB and hold no
/// formulas. The columns are those of the template: code, value, not_available_reason, note. Every problem is
/// reported in one pass (all formula cells of all sheets, and the rows' problems), as a key and arguments.
/// </summary>
public static class ImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const long MaxExpandedBytes = 50 * 1024 * 1024;
    public const string CodeColumn = "code";
    public const string ValueColumn = "value";
    public const string ReasonColumn = "not_available_reason";
    public const string NoteColumn = "note";

    private static readonly string[] Fields = [CodeColumn, ValueColumn, ReasonColumn, NoteColumn];

    /// <summary>Reads the rows, or says what is wrong with the file.</summary>
    public static ImportRead Read(byte[] content, string fileName, CancellationToken ct = default)
    {
        if (content.LongLength > MaxBytes)
        {
            return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportFileTooLarge), Math.Round(content.LongLength / 1024m / 1024m, 1)));
        }

        try
        {
            return IsZip(content) ? ReadXlsx(content, fileName, ct) : ReadCsv(content, fileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or XmlException)
        {
            return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportUnreadable)));
        }
    }

    private static bool IsZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static ImportRead ReadXlsx(byte[] content, string fileName, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        var formulaCells = new HashSet<string>(StringComparer.Ordinal);
        using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
        {
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
            {
                return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportNotAWorkbook)));
            }

            if (zip.Entries.Count > 200 || zip.Entries.Sum(e => e.Length) > MaxExpandedBytes)
            {
                return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportExpandsTooMuch)));
            }

            var sheets = Workbook.Sheets(zip);
            foreach (var (sheet, index) in sheets.Select((s, i) => (s, i)))
            {
                using var stream = zip.GetEntry(sheet.Part)!.Open();
                var scan = WorksheetScan.Scan(stream, ct);
                foreach (var cell in scan.FormulaCells)
                {
                    CellAddress.TryParse(cell, out var row, out var column);
                    problems.Add(new ImportProblem(fileName, nameof(Keys.ImportFormula))
                    {
                        Sheet = sheet.Name, Row = row, Column = CellAddress.Column(column),
                    });
                    if (index == 0)
                    {
                        formulaCells.Add(cell);
                    }
                }

                if (scan.BrokenAt is { } at)
                {
                    problems.Add(new ImportProblem(fileName, nameof(Keys.ImportBrokenSheet), at.Line, at.Position) { Sheet = sheet.Name });
                }
            }

            if (sheets.Count == 0)
            {
                return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportNotAWorkbook)));
            }

            if (problems.Any(p => p.Key == nameof(Keys.ImportBrokenSheet)))
            {
                return ImportRead.Failed([.. problems]);
            }
        }

        // Without a header row, MiniExcel keys the cells by column letter: the first row is the header.
        var table = MiniExcel.Query(new MemoryStream(content), useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .ToList();
        var headerCells = table.Count == 0 ? [] : table[0]
            .Where(c => Text(c.Value) is { Length: > 0 })
            .Select(c => (Name: Text(c.Value)!.Trim().ToLowerInvariant(), Letter: c.Key))
            .ToList();
        var header = headerCells.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Letter);
        var rows = table.Skip(1)
            .Select((cells, i) => ToRow(i + 2, field => header.TryGetValue(field, out var letter) && !formulaCells.Contains($"{letter}{i + 2}")
                ? Text(cells.TryGetValue(letter, out var v) ? v : null)
                : null))
            .Where(r => r is not { Code: null, Value: null, Reason: null, Note: null })
            .ToList();
        return Check(rows, headerCells, fileName, problems);
    }

    private static ImportRead ReadCsv(byte[] content, string fileName)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportNotText)));
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ImportRead.Failed(new ImportProblem(fileName, nameof(Keys.ImportNotUtf8)));
        }

        if (!CsvTable.TryRead(new StringReader(text), fileName, out var table, out var error))
        {
            return ImportRead.Failed(error.Kind switch
            {
                CsvErrorKind.Empty => new ImportProblem(fileName, nameof(Keys.ImportNoRows)),
                CsvErrorKind.QuoteNotClosed => new ImportProblem(fileName, nameof(Keys.ImportQuoteNotClosed)) { Row = error.Row },
                _ => new ImportProblem(fileName, nameof(Keys.ImportCellCount), error.Expected, error.Found) { Row = error.Row },
            });
        }

        var headerCells = table.Header.Select((h, i) => (Name: h.Trim().ToLowerInvariant(), Letter: CellAddress.Column(i + 1))).ToList();
        var index = table.Header.Select((h, i) => (h.Trim().ToLowerInvariant(), i)).GroupBy(h => h.Item1).ToDictionary(g => g.Key, g => g.First().i);
        var rows = table.Rows.Select((cells, i) => ToRow(i + 2, field => index.TryGetValue(field, out var c) ? cells[c] : null)).ToList();
        return Check(rows, headerCells, fileName, []);
    }

    private static ImportRow ToRow(int row, Func<string, string?> cell) =>
        new(row, Blank(cell(CodeColumn)), Blank(cell(ValueColumn)), Blank(cell(ReasonColumn)), Blank(cell(NoteColumn)));

    private static ImportRead Check(List<ImportRow> rows, List<(string Name, string Letter)> headerCells, string fileName, List<ImportProblem> problems)
    {
        var header = headerCells.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.First().Letter);
        var columns = Fields.Where(header.ContainsKey).ToDictionary(f => f, f => header[f]);
        // A column of the import given twice: which of the two is meant cannot be known, so neither is read.
        var repeated = headerCells.Where(c => Fields.Contains(c.Name)).GroupBy(c => c.Name).Where(g => g.Count() > 1)
            .Select(g => new ImportProblem(fileName, nameof(Keys.ImportColumnTwice), g.Key, g.First().Letter) { Row = 1, Column = g.Skip(1).First().Letter, Field = g.Key })
            .ToList();
        if (repeated.Count > 0)
        {
            return ImportRead.Failed([.. problems, .. repeated]);
        }

        if (!columns.ContainsKey(CodeColumn) || !columns.ContainsKey(ValueColumn))
        {
            return ImportRead.Failed([.. problems, new ImportProblem(fileName, nameof(Keys.ImportMissingColumns), CodeColumn, ValueColumn) { Row = 1 }]);
        }

        return rows.Count == 0
            ? ImportRead.Failed([.. problems, new ImportProblem(fileName, nameof(Keys.ImportNoRows))])
            : new ImportRead(rows, problems, columns);
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    /// <summary>
    /// A cell's text, or null when blank; the apostrophe the portal's own files put before text that starts like a
    /// formula (see SpreadsheetFile.Escape) is taken off again, so that a template comes back as it went out.
    /// </summary>
    private static string? Blank(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Trim() is ['\'', '=' or '+' or '-' or '@', ..] escaped ? escaped[1..]
        : text.Trim();
}
