using System.IO.Compression;
using System.Xml.Linq;

namespace SmartCityIndex.Web.Features.Export;

/// <summary>
/// Rewrites the relationship targets of an Open XML package (XLSX) from absolute part names
/// (<c>/xl/worksheets/sheet1.xml</c>, as MiniExcel writes them) to names relative to the part that owns the
/// relationships (<c>worksheets/sheet1.xml</c>, as Excel writes them), because some readers (ExcelJS) refuse absolute
/// ones. External targets (links) are left alone.
/// </summary>
public static class PackageTargets
{
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public static void MakeRelative(Stream package)
    {
        using var zip = new ZipArchive(package, ZipArchiveMode.Update, leaveOpen: true);
        foreach (var entry in zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList())
        {
            XDocument rels;
            using (var stream = entry.Open())
            {
                rels = XDocument.Load(stream);
            }

            var source = SourceFolder(entry.FullName);
            var changed = false;
            foreach (var relationship in rels.Root!.Elements(Relationships + "Relationship"))
            {
                if ((string?)relationship.Attribute("TargetMode") == "External" || relationship.Attribute("Target") is not { Value: ['/', ..] } target)
                {
                    continue;
                }

                target.Value = Relative(source, target.Value[1..]);
                changed = true;
            }

            if (!changed)
            {
                continue;
            }

            var name = entry.FullName;
            entry.Delete();
            using var output = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
            rels.Save(output, SaveOptions.DisableFormatting);
        }
    }

    /// <summary>The folder of the part whose relationships <paramref name="relsPart"/> holds: <c>xl/_rels/workbook.xml.rels</c> belongs to <c>xl/workbook.xml</c>, so <c>xl/</c>.</summary>
    private static string[] SourceFolder(string relsPart)
    {
        var segments = relsPart.Split('/');
        return segments[..^2]; // drop "_rels" and the file name
    }

    private static string Relative(string[] from, string part)
    {
        var to = part.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }

        return string.Join('/', Enumerable.Repeat("..", from.Length - common).Concat(to[common..]));
    }
}
