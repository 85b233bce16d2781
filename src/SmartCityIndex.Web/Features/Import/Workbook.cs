using System.IO.Compression;
using System.Xml;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>A worksheet of an uploaded workbook: the name Excel shows on its tab and its part in the package.</summary>
public sealed record WorkbookSheet(string Name, string Part);

/// <summary>
/// The sheets of an XLSX in tab order, from <c>xl/workbook.xml</c> and its relationships. Targets may be relative to
/// <c>xl/</c> (as Excel writes them) or absolute (<c>/xl/worksheets/sheet1.xml</c>); both are found. Without usable
/// relationships, every part under <c>xl/worksheets/</c> counts as a sheet named after its file.
/// </summary>
public static class Workbook
{
    private const string RelationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = 10 * 1024 * 1024,
        IgnoreComments = true,
        IgnoreWhitespace = true,
    };

    public static IReadOnlyList<WorkbookSheet> Sheets(ZipArchive zip)
    {
        var targets = new Dictionary<string, string>(StringComparer.Ordinal);
        if (zip.GetEntry("xl/_rels/workbook.xml.rels") is { } rels)
        {
            using var reader = XmlReader.Create(rels.Open(), Settings);
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "Relationship" } && reader.GetAttribute("Id") is { } id && reader.GetAttribute("Target") is { } target)
                {
                    targets[id] = Resolve(target);
                }
            }
        }

        var sheets = new List<WorkbookSheet>();
        using (var reader = XmlReader.Create(zip.GetEntry("xl/workbook.xml")!.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader is { NodeType: XmlNodeType.Element, LocalName: "sheet" }
                    && reader.GetAttribute("id", RelationshipsNamespace) is { } id
                    && targets.TryGetValue(id, out var part) && zip.GetEntry(part) is not null)
                {
                    sheets.Add(new WorkbookSheet(reader.GetAttribute("name") ?? Path.GetFileNameWithoutExtension(part), part));
                }
            }
        }

        return sheets.Count > 0 ? sheets : [.. zip.Entries
            .Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
            .Select(e => new WorkbookSheet(Path.GetFileNameWithoutExtension(e.Name), e.FullName))];
    }

    /// <summary>A relationship target of <c>xl/workbook.xml</c> as a part name in the ZIP.</summary>
    private static string Resolve(string target)
    {
        if (target.StartsWith('/'))
        {
            return target[1..];
        }

        var parts = new List<string> { "xl" };
        foreach (var segment in target.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }
}
