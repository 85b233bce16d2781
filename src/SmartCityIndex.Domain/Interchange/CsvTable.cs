using System.Text;

namespace SmartCityIndex.Domain.Interchange;

/// <summary>
/// A comma-separated table read whole: a header row and data rows of text cells (RFC 4180 quoting: fields in double
/// quotes may hold commas, line breaks and doubled quotes). Row numbers in messages count the header as row 1.
/// </summary>
public sealed class CsvTable
{
    private CsvTable(string source, string[] header, List<string[]> rows)
    {
        Source = source;
        Header = header;
        Rows = rows;
    }

    /// <summary>The file name (or other label) used in messages.</summary>
    public string Source { get; }

    /// <summary>Column names.</summary>
    public string[] Header { get; }

    /// <summary>Data rows; each has exactly <see cref="Header"/>.Length cells.</summary>
    public IReadOnlyList<string[]> Rows { get; }

    /// <summary>Index of a column by name (exact, then case-insensitive), or −1.</summary>
    public int ColumnIndex(string name)
    {
        var exact = Array.IndexOf(Header, name);
        return exact >= 0 ? exact : Array.FindIndex(Header, h => string.Equals(h, name, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Index of a required column; a <see cref="DomainException"/> names the file and the column otherwise.</summary>
    public int RequiredColumn(string name) =>
        ColumnIndex(name) is var i and >= 0 ? i : throw new DomainException($"{Source}: the column '{name}' is missing (columns: {string.Join(", ", Header)}).");

    /// <summary>Reads a table; a row with the wrong number of cells is an error naming the file and row.</summary>
    public static CsvTable Read(TextReader reader, string source) =>
        TryRead(reader, source, out var table, out var error) ? table : throw new DomainException(error.Describe(source));

    /// <summary>
    /// Reads a table, or says what is wrong with the text (for callers that put the problem into the user's language).
    /// </summary>
    public static bool TryRead(TextReader reader, string source, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CsvTable? table,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out CsvError? error)
    {
        (table, error) = (null, null);
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        var row = 1;
        var quoteRow = 0;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            var ch = (char)c;
            if (inQuotes)
            {
                if (ch == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        field.Append('"');
                        reader.Read();
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    if (ch == '\n' || (ch == '\r' && reader.Peek() != '\n'))
                    {
                        row++;
                    }

                    field.Append(ch);
                }

                continue;
            }

            switch (ch)
            {
                case '"' when field.Length == 0 && !fieldStarted:
                    inQuotes = true;
                    quoteRow = row; // an unclosed quote is reported where it opened, not at the end of the file
                    fieldStarted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    fieldStarted = false;
                    break;
                case '\r': // CR LF (Windows), or a CR alone (the classic Mac OS line ending some exports still write)
                    if (reader.Peek() == '\n')
                    {
                        reader.Read();
                    }

                    EndRecord();
                    row++;
                    break;
                case '\n':
                    EndRecord();
                    row++;
                    break;
                default:
                    field.Append(ch);
                    fieldStarted = true;
                    break;
            }
        }

        if (inQuotes)
        {
            error = new CsvError(CsvErrorKind.QuoteNotClosed, quoteRow);
            return false;
        }

        EndRecord();
        if (records.Count == 0)
        {
            error = new CsvError(CsvErrorKind.Empty, 1);
            return false;
        }

        var header = records[0].Select(h => h.Trim().TrimStart('\uFEFF')).ToArray();
        var rows = new List<string[]>(records.Count - 1);
        for (var r = 1; r < records.Count; r++)
        {
            if (records[r].Length != header.Length)
            {
                error = new CsvError(CsvErrorKind.CellCount, r + 1, header.Length, records[r].Length);
                return false;
            }

            rows.Add(records[r]);
        }

        table = new CsvTable(source, header, rows);
        return true;

        void EndRecord()
        {
            if (fields.Count == 0 && field.Length == 0 && !fieldStarted)
            {
                return; // blank line
            }

            fields.Add(field.ToString());
            records.Add([.. fields]);
            fields.Clear();
            field.Clear();
            fieldStarted = false;
        }
    }
}
