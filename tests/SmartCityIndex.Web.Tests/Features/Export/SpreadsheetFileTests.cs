using System.IO.Compression;
using System.Xml.Linq;
using MiniExcelLibs;
using SmartCityIndex.Web.Features.Export;
using SmartCityIndex.Web.Features.Import;

namespace SmartCityIndex.Web.Tests.Features.Export;

public sealed class SpreadsheetFileTests
{
    private static readonly List<Dictionary<string, object?>> Table =
    [
        new() { ["code"] = "INF01", ["indicator"] = "Households, \"with\" Internet", ["unit"] = "%", ["value"] = 92.5m, ["not_available_reason"] = null, ["note"] = "=HYPERLINK(\"x\")" },
        new() { ["code"] = "INF02", ["indicator"] = "Broadband", ["unit"] = "%", ["value"] = null, ["not_available_reason"] = "not collected", ["note"] = "two\nlines" },
    ];

    [Fact]
    public async Task WriteAsync_Xlsx_EveryRelationshipTargetIsRelative()
    {
        var file = await SpreadsheetFile.WriteAsync(Table, "t", xlsx: true);

        using var zip = new ZipArchive(new MemoryStream(file.Content), ZipArchiveMode.Read);
        var targets = zip.Entries.Where(e => e.FullName.EndsWith(".rels", StringComparison.Ordinal))
            .SelectMany(e =>
            {
                using var stream = e.Open();
                return XDocument.Load(stream).Root!.Elements().Select(r => (Part: e.FullName, Target: (string)r.Attribute("Target")!)).ToList();
            })
            .ToList();
        Assert.Contains(targets, t => t == ("xl/_rels/workbook.xml.rels", "worksheets/sheet1.xml"));
        Assert.Contains(targets, t => t == ("_rels/.rels", "xl/workbook.xml"));
        Assert.All(targets, t => Assert.False(t.Target.StartsWith('/'), $"{t.Part}: {t.Target} is absolute"));
        foreach (var (part, target) in targets.Where(t => t.Part == "xl/_rels/workbook.xml.rels"))
        {
            Assert.NotNull(zip.GetEntry($"xl/{target}"));
        }
    }

    [Fact]
    public async Task WriteAsync_Xlsx_ReadsBackInMiniExcelAndTheImport()
    {
        var file = await SpreadsheetFile.WriteAsync(Table, "t", xlsx: true);

        var rows = MiniExcel.Query(new MemoryStream(file.Content), useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(("INF01", "Households, \"with\" Internet", "'=HYPERLINK(\"x\")"), ((string?)rows[0]["code"], (string?)rows[0]["indicator"], (string?)rows[0]["note"]));
        var read = ImportFile.Read(file.Content, "t.xlsx");
        Assert.Empty(read.Problems);
        Assert.Equal(
            [new ImportRow(2, "INF01", "92.5", null, "=HYPERLINK(\"x\")"), new ImportRow(3, "INF02", null, "not collected", "two\nlines")],
            read.Rows);
    }

    [Fact]
    public async Task WriteAsync_Csv_QuotesWhereItMustAndTheImportReadsItBack()
    {
        var file = await SpreadsheetFile.WriteAsync(Table, "t", xlsx: false);

        var read = ImportFile.Read(file.Content, "t.csv");
        Assert.Empty(read.Problems);
        Assert.Equal(
            [new ImportRow(2, "INF01", "92.5", null, "=HYPERLINK(\"x\")"), new ImportRow(3, "INF02", null, "not collected", "two\nlines")],
            read.Rows);
    }
}
