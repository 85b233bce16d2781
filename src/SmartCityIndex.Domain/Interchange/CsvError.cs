namespace SmartCityIndex.Domain.Interchange;

/// <summary>What makes a text not a table.</summary>
public enum CsvErrorKind
{
    /// <summary>No header row at all.</summary>
    Empty,

    /// <summary>A field opened with a double quote runs to the end of the text.</summary>
    QuoteNotClosed,

    /// <summary>A row has more or fewer cells than the header.</summary>
    CellCount,
}

/// <summary>Why a text could not be read as a table, and where: <see cref="Row"/> counts the header as row 1.</summary>
public sealed record CsvError(CsvErrorKind Kind, int Row, int Expected = 0, int Found = 0)
{
    /// <summary>The message in English for the command line and logs (the portal words it from the fields).</summary>
    public string Describe(string source) => Kind switch
    {
        CsvErrorKind.Empty => $"{source} is empty: it needs a header row.",
        CsvErrorKind.QuoteNotClosed => $"{source}, row {Row}: a quoted field is not closed.",
        _ => $"{source}, row {Row}: expected {Expected} cells as in the header, found {Found}.",
    };
}
