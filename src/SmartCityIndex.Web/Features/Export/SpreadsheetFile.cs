using System.Text;
using MiniExcelLibs;
using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Web.Features.Export;

/// <summary>A table written as CSV (UTF-8 with a byte-order mark, for Excel) or XLSX.</summary>
public sealed record SpreadsheetFile(byte[] Content, string FileName, string ContentType)
{
    /// <summary>
    /// Writes the rows (the first row's keys are the header); an XLSX with relative part paths (see PackageTargets). Text that a spreadsheet would run as a formula (starting
    /// with = + - or @, and not a number) gets a leading apostrophe in both formats, so that a city or a note called
    /// <c>=HYPERLINK(...)</c> is shown, never run. Numbers stay numbers.
    /// </summary>
    public static async Task<SpreadsheetFile> WriteAsync(IReadOnlyList<Dictionary<string, object?>> rows, string name, bool xlsx, CancellationToken ct = default)
    {
        var safe = rows.Select(r => r.ToDictionary(c => c.Key, c => c.Value is string s ? Escape(s) : c.Value)).ToList();
        if (xlsx)
        {
            using var stream = new MemoryStream();
            await MiniExcel.SaveAsAsync(stream, safe, excelType: ExcelType.XLSX, cancellationToken: ct);
            PackageTargets.MakeRelative(stream);
            return new(stream.ToArray(), $"{name}.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        }

        var csv = new StringBuilder();
        if (safe.Count > 0)
        {
            csv.AppendLine(string.Join(',', safe[0].Keys.Select(CsvField.Quote)));
        }

        foreach (var row in safe)
        {
            csv.AppendLine(string.Join(',', row.Values.Select(v => CsvField.Quote(v switch
            {
                null => null,
                double d when double.IsNaN(d) => null,
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => v.ToString(),
            }))));
        }

        return new([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())], $"{name}.csv", "text/csv; charset=utf-8");
    }

    /// <summary>Text a spreadsheet would take for a formula, with a leading apostrophe; anything else as it is.</summary>
    public static string Escape(string text) =>
        text.Length > 0 && text[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + text
            : text;
}
