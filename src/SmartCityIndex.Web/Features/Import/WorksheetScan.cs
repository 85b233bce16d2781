using System.Xml;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>What one pass over a worksheet's XML found: every formula cell, and where the XML broke if it did.</summary>
public sealed record WorksheetScanResult(IReadOnlyList<string> FormulaCells, (int Line, int Position)? BrokenAt);

/// <summary>
/// Reads a worksheet's XML once, forward only (<see cref="XmlReader"/>, no DTD, no resolver), and lists every cell that
/// holds a formula (<c>&lt;c&gt;</c> with an <c>&lt;f&gt;</c> child), whatever the order of its attributes and
/// whether or not it has an address (OOXML allows the position to be implied). The work is bounded: at most
/// <see cref="MaxCharacters"/> characters and <see cref="MaxDepth"/> levels of nesting (a worksheet needs seven), and
/// the token is checked as it reads. Broken or hostile XML ends the pass with its line and position, never a hang.
/// </summary>
public static class WorksheetScan
{
    public const long MaxCharacters = ImportFile.MaxExpandedBytes;
    public const int MaxDepth = 32;

    public static WorksheetScanResult Scan(Stream sheet, CancellationToken ct = default)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
        };
        var formulas = new List<string>();
        using var reader = XmlReader.Create(sheet, settings);
        var lineInfo = (IXmlLineInfo)reader;
        var row = 0;
        var column = 0;
        string? cell = null;
        var cellDepth = -1;
        var reported = false;
        var nodes = 0;
        try
        {
            while (reader.Read())
            {
                if ((++nodes & 0xFFF) == 0)
                {
                    ct.ThrowIfCancellationRequested();
                }

                if (reader.Depth > MaxDepth)
                {
                    return new(formulas, (lineInfo.LineNumber, lineInfo.LinePosition));
                }

                if (reader.NodeType == XmlNodeType.EndElement && reader.Depth == cellDepth)
                {
                    (cell, cellDepth) = (null, -1);
                    continue;
                }

                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (reader.LocalName)
                {
                    case "row":
                        row = int.TryParse(reader.GetAttribute("r"), out var r) && r > 0 ? r : row + 1;
                        column = 0;
                        break;
                    case "c":
                        var address = reader.GetAttribute("r");
                        column = address is not null && CellAddress.TryParse(address, out _, out var c) ? c : column + 1;
                        cell = address ?? CellAddress.Format(Math.Max(row, 1), column);
                        reported = false;
                        cellDepth = reader.IsEmptyElement ? -1 : reader.Depth;
                        break;
                    case "f" when cell is not null && !reported && reader.Depth == cellDepth + 1:
                        formulas.Add(cell);
                        reported = true;
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            return new(formulas, (ex.LineNumber, ex.LinePosition));
        }

        return new(formulas, null);
    }
}
