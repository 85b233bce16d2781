using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.TestSupport;
using SmartCityIndex.Web.Features.Import;
using SmartCityIndex.Web.Tests.Infrastructure;

namespace SmartCityIndex.Web.Tests.Features.Import;

[Collection(PostgresCollection.Name)]
public sealed class ImportServiceTests(PostgresFixture postgres)
{
    private const string City = "CN-HZ";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task PreviewAndApply_FilledXlsxTemplate_ShowsTheChangesThenWritesThemAllWithAudit(DatabaseProvider provider)
    {
        await using var portal = await SeededServices.CreateAsync(provider, postgres.Cluster);
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        var template = (await import.TemplateAsync(City, year, xlsx: true))!.Value;
        var filled = Fill(template.Content, ("INF01", 91.5), ("INF02", 77), ("IND01", 4.2));

        var preview = await import.PreviewAsync(City, year, filled, "hangzhou.xlsx");

        Assert.Empty(preview!.Problems);
        Assert.Equal(["INF01", "INF02", "IND01"], preview.Changes.Select(c => c.Code));
        Assert.Equal((2, 91.5m), (preview.Changes[0].Row, preview.Changes[0].New.Value!.Value));
        await using (var before = portal.Database.CreateContext())
        {
            Assert.False(await before.IndicatorValues.AnyAsync(v => v.SubmissionId == preview.SubmissionId), "the dry run wrote something");
        }

        Assert.True(await import.ApplyAsync(preview));

        await using var context = portal.Database.CreateContext();
        Assert.Equal(3, await context.IndicatorValues.CountAsync(v => v.SubmissionId == preview.SubmissionId));
        Assert.Equal(3, await context.AuditEntries.CountAsync(a => a.Channel == AuditChannel.Import));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ApplyAsync_SubmissionChangedAfterThePreview_WritesNothing(DatabaseProvider provider)
    {
        await using var portal = await SeededServices.CreateAsync(provider, postgres.Cluster);
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        var preview = await import.PreviewAsync(City, year, Csv("code,value\nINF01,50\nINF02,60\n"), "values.csv");
        var entry = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var form = await entry.OpenAsync(City, year);
        var row = form!.Rows.Single(r => r.Indicator.Code == "INF03");
        row.Text = "99";
        await entry.SaveValueAsync(form.SubmissionId, row);

        Assert.False(await import.ApplyAsync(preview!));

        await using var context = portal.Database.CreateContext();
        Assert.Equal(1, await context.IndicatorValues.CountAsync(v => v.SubmissionId == preview!.SubmissionId));
    }

    public static TheoryData<string, byte[], string> BadFiles() => new()
    {
        { "text renamed to .xlsx", Encoding.UTF8.GetBytes("this is not a spreadsheet\u0000\u0001"), "is neither a CSV text file nor an Excel workbook" },
        { "a zip that is not a workbook", Zip("readme.txt", "hello"), "is a ZIP archive but not an Excel workbook" },
        { "50 MB", new byte[50 * 1024 * 1024], "is 50 MB; the limit is 5 MB" },
        { "text in the value column", Csv("code,value\nINF01,50\nINF02,about sixty\n"), "Row 3, column value: 'about sixty' is not a number." },
        { "unknown code", Csv("code,value\nINF01,50\nXYZ99,3\n"), "Row 3, column code: 'XYZ99' is not an indicator of this reporting year." },
        { "outside the hard range", Csv("code,value\nINF01,150\n"), "Row 2, column value: 150 is outside 0–100 % for INF01." },
    };

    // Not enumerated at discovery: xunit would serialise the 50 MB file byte by byte into every test case's id
    // (gigabytes of boxed bytes in the test host; several test runs at once ran the machine out of memory).
    [Theory]
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)]
    public async Task PreviewAsync_BadFile_IsRefusedWithWhereAndNothingIsWritten(string what, byte[] content, string message)
    {
        await using var portal = await SeededServices.CreateAsync(DatabaseProvider.Sqlite, null);
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);

        var preview = await import.PreviewAsync(City, year, content, "upload.xlsx");

        Assert.False(preview!.CanApply, what);
        Assert.Contains(preview.Problems, p => p.Message.Contains(message, StringComparison.Ordinal));
        Assert.Empty(preview.Changes);
        Assert.False(await import.ApplyAsync(preview));
        await using var context = portal.Database.CreateContext();
        Assert.False(await context.IndicatorValues.AnyAsync(v => v.SubmissionId == preview.SubmissionId));
    }

    [Fact]
    public async Task PreviewAsync_FormulaCell_NamesTheCell()
    {
        await using var portal = await SeededServices.CreateAsync(DatabaseProvider.Sqlite, null);
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        var template = (await import.TemplateAsync(City, year, xlsx: true))!.Value;

        var preview = await import.PreviewAsync(City, year, WithFormula(template.Content, "D3", "1+1"), "formula.xlsx");

        Assert.Equal("formula.xlsx, cell D3: formulas are not accepted; paste the values instead.", Assert.Single(preview!.Problems).Message);
        Assert.Equal((3, "D"), (preview.Problems[0].Row, preview.Problems[0].Column));
    }

    [Fact]
    public async Task TemplateAsync_OfficialOfAnotherCity_GetsNothing()
    {
        await using var portal = await SeededServices.CreateAsync(DatabaseProvider.Sqlite, null);
        var year = await portal.FreshYearAsync(City);

        Assert.Null(await (await portal.ImportAsync(DemoAccounts.GuangdongOfficial)).TemplateAsync(City, year, xlsx: false));
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Zip(string name, string text)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry(name).Open());
            writer.Write(text);
        }

        return stream.ToArray();
    }

    /// <summary>The template with values typed into its value column, as an official would.</summary>
    private static byte[] Fill(byte[] xlsx, params (string Code, double Value)[] values)
    {
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r))
            .ToList();
        foreach (var (code, value) in values)
        {
            rows.Single(r => (string?)r["code"] == code)["value"] = value;
        }

        using var output = new MemoryStream();
        MiniExcel.SaveAs(output, rows, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    /// <summary>The workbook with a formula written into one cell of the first sheet.</summary>
    private static byte[] WithFormula(byte[] xlsx, string cell, string formula)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open()))
            {
                xml = reader.ReadToEnd();
            }

            var start = xml.IndexOf($"<x:c r=\"{cell}\"", StringComparison.Ordinal) is var i and >= 0 ? i : xml.IndexOf($"<c r=\"{cell}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"cell {cell} is not in the sheet");
            var prefix = xml[start + 1] == 'x' ? "x:" : string.Empty;
            var end = xml.IndexOf('>', start);
            var selfClosing = xml[end - 1] == '/';
            var open = selfClosing ? xml[start..(end - 1)] + ">" : xml[start..(end + 1)];
            var close = xml.IndexOf($"</{prefix}c>", end, StringComparison.Ordinal);
            var replacement = $"{open}<{prefix}f>{formula}</{prefix}f></{prefix}c>";
            xml = xml[..start] + replacement + xml[((selfClosing ? end + 1 : close + $"</{prefix}c>".Length))..];
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open());
            writer.Write(xml);
        }

        return stream.ToArray();
    }
}
