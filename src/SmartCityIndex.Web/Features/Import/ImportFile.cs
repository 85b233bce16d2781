using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using MiniExcelLibs;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>One data row of an uploaded template: its row number in the file and its cells by column name.</summary>
public sealed record ImportRow(int Row, string? Code, string? Value, string? Reason, string? Note);

/// <summary>A problem with the file, by row and column where there is one.</summary>
public sealed record ImportProblem(int? Row, string? Column, string Message);

/// <summary>
/// Reads an uploaded template safely: at most 5 MB; the type is decided by the content (an XLSX is a ZIP with a
/// workbook in it; a CSV is UTF-8 text), never by the file name; an XLSX may expand to at most 50 MB and hold no
/// formulas. The columns are those of the template: code, value, not_available_reason, note.
/// </summary>
public static partial class ImportFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const long MaxExpandedBytes = 50 * 1024 * 1024;
    public const string CodeColumn = "code";
    public const string ValueColumn = "value";
    public const string ReasonColumn = "not_available_reason";
    public const string NoteColumn = "note";

    [GeneratedRegex("<(?:\\w+:)?c r=\"([A-Z]+[0-9]+)\"[^>]*(?<!/)>(?:(?!</(?:\\w+:)?c>).)*?<(?:\\w+:)?f[ >/]", RegexOptions.Singleline)]
    private static partial Regex FormulaCell();

    /// <summary>Reads the rows, or says what is wrong with the file (nothing is read from a bad file).</summary>
    public static (IReadOnlyList<ImportRow> Rows, IReadOnlyList<ImportProblem> Problems) Read(byte[] content, string fileName)
    {
        if (content.LongLength > MaxBytes)
        {
            return ([], [new ImportProblem(null, null, $"{fileName} is {content.LongLength / 1024 / 1024.0:0.#} MB; the limit is 5 MB.")]);
        }

        try
        {
            return IsZip(content) ? ReadXlsx(content, fileName) : ReadCsv(content, fileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException)
        {
            return ([], [new ImportProblem(null, null, $"{fileName} could not be read as CSV or XLSX ({ex.Message}).")]);
        }
    }

    private static bool IsZip(byte[] content) => content.Length > 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;

    private static (IReadOnlyList<ImportRow>, IReadOnlyList<ImportProblem>) ReadXlsx(byte[] content, string fileName)
    {
        using (var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read))
        {
            if (zip.GetEntry("[Content_Types].xml") is null || zip.GetEntry("xl/workbook.xml") is null)
            {
                return ([], [new ImportProblem(null, null, $"{fileName} is a ZIP archive but not an Excel workbook (XLSX).")]);
            }

            if (zip.Entries.Count > 200 || zip.Entries.Sum(e => e.Length) > MaxExpandedBytes)
            {
                return ([], [new ImportProblem(null, null, $"{fileName} expands to more than 50 MB: it is not a template of this portal.")]);
            }

            foreach (var sheet in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
            {
                using var reader = new StreamReader(sheet.Open());
                if (FormulaCell().Match(reader.ReadToEnd()) is { Success: true } formula)
                {
                    var (row, column) = SplitCell(formula.Groups[1].Value);
                    return ([], [new ImportProblem(row, column, $"{fileName}, cell {formula.Groups[1].Value}: formulas are not accepted; paste the values instead.")]);
                }
            }
        }

        var rows = MiniExcel.Query(new MemoryStream(content), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select((cells, i) => ToRow(i + 2, name => Cell(cells, name)))
            .ToList();
        return Check(rows, fileName);
    }

    private static (IReadOnlyList<ImportRow>, IReadOnlyList<ImportProblem>) ReadCsv(byte[] content, string fileName)
    {
        if (Array.IndexOf(content, (byte)0) >= 0)
        {
            return ([], [new ImportProblem(null, null, $"{fileName} is neither a CSV text file nor an Excel workbook.")]);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ([], [new ImportProblem(null, null, $"{fileName} is not UTF-8 text: save it as \"CSV UTF-8\" or as XLSX.")]);
        }

        var table = Domain.Interchange.CsvTable.Read(new StringReader(text), fileName);
        var columns = table.Header.Select((h, i) => (h.Trim().ToLowerInvariant(), i)).ToDictionary(p => p.Item1, p => p.i);
        var rows = table.Rows.Select((cells, i) => ToRow(i + 2, name => columns.TryGetValue(name, out var c) ? cells[c] : null)).ToList();
        return columns.ContainsKey(CodeColumn) && columns.ContainsKey(ValueColumn)
            ? Check(rows, fileName)
            : ([], [new ImportProblem(1, null, $"{fileName}: the header needs the columns '{CodeColumn}' and '{ValueColumn}' (download the template).")]);
    }

    private static ImportRow ToRow(int row, Func<string, string?> cell) =>
        new(row, Blank(cell(CodeColumn)), Blank(cell(ValueColumn)), Blank(cell(ReasonColumn)), Blank(cell(NoteColumn)));

    private static (IReadOnlyList<ImportRow>, IReadOnlyList<ImportProblem>) Check(List<ImportRow> rows, string fileName) =>
        rows.Count == 0 ? ([], [new ImportProblem(null, null, $"{fileName} has no data rows.")]) : (rows, []);

    private static string? Cell(IDictionary<string, object?> cells, string name)
    {
        var key = cells.Keys.FirstOrDefault(k => string.Equals(k?.Trim(), name, StringComparison.OrdinalIgnoreCase));
        return key is null ? null : cells[key] switch
        {
            null => null,
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            decimal m => m.ToString(CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    /// <summary>
    /// A cell's text, or null when blank; the apostrophe the portal's own files put before text that starts like a
    /// formula (see SpreadsheetFile.Escape) is taken off again, so that a template comes back as it went out.
    /// </summary>
    private static string? Blank(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : text.Trim() is ['\'', '=' or '+' or '-' or '@', ..] escaped ? escaped[1..]
        : text.Trim();

    private static (int Row, string Column) SplitCell(string reference)
    {
        var digits = reference.IndexOfAny("0123456789".ToCharArray());
        return (int.Parse(reference[digits..], CultureInfo.InvariantCulture), reference[..digits]);
    }
}
