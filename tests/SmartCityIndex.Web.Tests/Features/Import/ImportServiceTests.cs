using System.IO.Compression;
using System.Text;
using MiniExcelLibs;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Web.Features.Import;

namespace SmartCityIndex.Web.Tests.Features.Import;

/// <summary>The import on both providers where it writes; the checks of a file on one SQLite database shared by the class.</summary>
public sealed class ImportServiceTests(PostgresFixture postgres, SeededServicesFixture sqlite)
    : IClassFixture<PostgresFixture>, IClassFixture<SeededServicesFixture>
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

    public static TheoryData<string, byte[], string, string> BadFiles() => new()
    {
        { "text renamed to .xlsx", Encoding.UTF8.GetBytes("this is not a spreadsheet\u0000\u0001"),
            "upload.xlsx: the file is neither a CSV text file nor an Excel workbook.", "upload.xlsx：此文件既不是 CSV 文本文件，也不是 Excel 工作簿。" },
        { "a zip that is not a workbook", Zip("readme.txt", "hello"),
            "upload.xlsx: this is a ZIP archive but not an Excel workbook (XLSX).", "upload.xlsx：这是 ZIP 压缩包，不是 Excel 工作簿（XLSX）。" },
        { "50 MB", new byte[50 * 1024 * 1024], "upload.xlsx: the file is 50 MB; the limit is 5 MB.", "upload.xlsx：文件大小为 50 MB，上限为 5 MB。" },
        { "not UTF-8", [(byte)'c', (byte)'o', (byte)'d', (byte)'e', 0xC4, 0xE3, (byte)'\n'],
            "upload.xlsx: the file is not UTF-8 text: save it as \"CSV UTF-8\" or as XLSX.", "upload.xlsx：此文件不是 UTF-8 文本：请另存为“CSV UTF-8”或 XLSX 格式。" },
        { "no value column", Csv("code,amount\nINF01,50\n"),
            "upload.xlsx, row 1: the header needs the columns 'code' and 'value' (download the template).", "upload.xlsx，第 1 行：表头须包含“code”和“value”两列（请下载模板）。" },
        { "a quote not closed", Csv("code,value,note\nINF01,50,\"from the yearbook\n"),
            "upload.xlsx, row 2: a field opened with a double quote is not closed.", "upload.xlsx，第 2 行：以双引号开始的字段没有结束引号。" },
        { "a cell too many", Csv("code,value\nINF01,50,3\n"),
            "upload.xlsx, row 2: the header has 2 cells, this row 3.", "upload.xlsx，第 2 行：表头有 2 个单元格，此行有 3 个。" },
        { "text in the value column", Csv("code,value\nINF01,50\nINF02,about sixty\n"),
            "upload.xlsx, row 3, column B (value), INF02 Households with fixed broadband: 'about sixty' is not a number.",
            "upload.xlsx，第 3 行，B 列（value），INF02 家庭固定宽带普及率：“about sixty”不是数字。" },
        { "seven decimal places", Csv("code,value\nINF01,50.1234567\n"),
            "upload.xlsx, row 2, column B (value), INF01 Households with Internet access: '50.1234567' cannot be kept as given: at most 6 decimal places and 14 digits before the decimal mark.",
            "upload.xlsx，第 2 行，B 列（value），INF01 家庭互联网接入率：“50.1234567”无法按原样保存：最多 6 位小数，整数部分最多 14 位。" },
        { "unknown code", Csv("code,value\nINF01,50\nXYZ99,3\n"),
            "upload.xlsx, row 3, column A (code): 'XYZ99' is not an indicator of this reporting year.", "upload.xlsx，第 3 行，A 列（code）：“XYZ99”不是本填报年度的指标。" },
        { "outside the hard range", Csv("code,value\nINF01,150\n"),
            "upload.xlsx, row 2, column B (value), INF01 Households with Internet access: 150 is outside 0–100 %.",
            "upload.xlsx，第 2 行，B 列（value），INF01 家庭互联网接入率：150 超出 0–100 % 的范围。" },
        { "a value and a reason", Csv("value,not_available_reason,code\n50,not collected,INF03\n"),
            "upload.xlsx, row 2, column B (not_available_reason), INF03 4G/5G mobile network population coverage: give either a value or a reason it is not available, not both.",
            "upload.xlsx，第 2 行，B 列（not_available_reason），INF03 4G/5G网络人口覆盖率：请填写数值或无法提供的原因，二者只能选一。" },
        { "a note too long", Csv($"code,value,note\nINF01,50,{new string('n', 2001)}\n"),
            "upload.xlsx, row 2, column C (note), INF01 Households with Internet access: the note has 2001 characters; at most 2000 are allowed.",
            "upload.xlsx，第 2 行，C 列（note），INF01 家庭互联网接入率：备注有 2001 个字符，最多允许 2000 个。" },
        { "a reason too long", Csv($"code,value,not_available_reason\nINF01,,{new string('r', 501)}\n"),
            "upload.xlsx, row 2, column C (not_available_reason), INF01 Households with Internet access: the reason has 501 characters; at most 500 are allowed.",
            "upload.xlsx，第 2 行，C 列（not_available_reason），INF01 家庭互联网接入率：原因有 501 个字符，最多允许 500 个。" },
        { "an empty file", Csv(""), "upload.xlsx: the file has no data rows.", "upload.xlsx：文件中没有数据行。" },
        { "only a header", Csv("code,value\n"), "upload.xlsx: the file has no data rows.", "upload.xlsx：文件中没有数据行。" },
        { "a column twice", Csv("code,value,Value\nINF01,50,60\n"),
            "upload.xlsx, row 1, column C (value): the column 'value' appears again (first in column B).",
            "upload.xlsx，第 1 行，C 列（value）：“value”列重复出现（首次出现在 B 列）。" },
        { "a code twice", Csv("code,value\nINF01,50\ninf01,60\n"),
            "upload.xlsx, row 3, column A (code), INF01 Households with Internet access: 'inf01' appears again (first in row 2).",
            "upload.xlsx，第 3 行，A 列（code），INF01 家庭互联网接入率：“inf01”重复出现（首次出现在第 2 行）。" },
    };

    // Not enumerated at discovery: xunit would serialise the 50 MB file byte by byte into every test case's id
    // (gigabytes of boxed bytes in the test host; several test runs at once ran the machine out of memory).
    [Theory]
    [MemberData(nameof(BadFiles), DisableDiscoveryEnumeration = true)]
    public async Task PreviewAsync_BadFile_IsRefusedWithWhereInTheUsersLanguageAndNothingIsWritten(string what, byte[] content, string english, string chinese)
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);

        var preview = await import.PreviewAsync(City, year, content, "upload.xlsx");

        Assert.False(preview!.CanApply, what);
        Assert.Equal(english, Assert.Single(Describe(preview.Problems, portal, "en")));
        Assert.Equal(chinese, Assert.Single(Describe(preview.Problems, portal, "zh-Hans")));
        Assert.Empty(preview.Changes);
        Assert.False(await import.ApplyAsync(preview));
        await using var context = portal.Database.CreateContext();
        Assert.False(await context.IndicatorValues.AnyAsync(v => v.SubmissionId == preview.SubmissionId));
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public async Task PreviewAsync_AnyLineEnding_ReadsTheSameRows(string newline)
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);

        var preview = await import.PreviewAsync(City, year, Csv(string.Join(newline, "code,value,note", "INF01,50,Yearbook", "INF02,60,") + newline), "old-mac.csv");

        Assert.Empty(preview!.Problems);
        Assert.Equal([("INF01", 50m, "Yearbook"), ("INF02", 60m, null)], preview.Changes.Select(c => (c.Code, c.New.Value, c.New.Note)));
    }

    [Fact]
    public async Task PreviewAsync_SeveralProblems_ReportsEveryOneInOnePass()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);

        var preview = await import.PreviewAsync(City, year, Csv("code,value\nINF01,abc\n,5\nXYZ,1\nINF02,200\nINF03,90\n"), "many.csv");

        Assert.Equal(
        [
            (2, "B", nameof(Keys.ImportNotANumber)), (3, "A", nameof(Keys.ImportCodeEmpty)),
            (4, "A", nameof(Keys.ImportUnknownCode)), (5, "B", nameof(Keys.ImportOutsideHard)),
        ], preview!.Problems.Select(p => (p.Row!.Value, p.Column!, p.Key)));
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task PreviewAsync_FormulaCells_NamesEverySheetAndCellBesideTheOtherProblems()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        var template = (await import.TemplateAsync(City, year, xlsx: true))!.Value;
        var filled = Fill(template.Content, ("INF01", 91.5), ("INF02", 77), ("IND01", 4.2));
        var rows = Rows(filled);
        rows[5]["code"] = "NOPE1"; // row 7
        var content = Save(rows);
        content = WithFormula(content, "D3", "1+1");
        content = WithFormula(content, "C4", "LEN(A4)");

        // Attribute order must not matter: the type before the address, and a cached value after the formula.
        content = ReplaceCell(content, "D5", "<c t=\"n\" r=\"D5\"><f>SUM(99,1)</f><v>71</v></c>");

        var preview = await import.PreviewAsync(City, year, content, "formulas.xlsx");

        Assert.Equal(
        [
            ("formulas.xlsx, sheet Sheet1, cell D3: formulas are not accepted; paste the values instead."),
            ("formulas.xlsx, sheet Sheet1, cell C4: formulas are not accepted; paste the values instead."),
            ("formulas.xlsx, sheet Sheet1, cell D5: formulas are not accepted; paste the values instead."),
            ("formulas.xlsx, row 7, column A (code): 'NOPE1' is not an indicator of this reporting year."),
        ], Describe(preview!.Problems, portal, "en"));
        Assert.Equal("formulas.xlsx，工作表 Sheet1，单元格 D3：不接受公式，请改为粘贴数值。", Describe(preview.Problems, portal, "zh-Hans")[0]);
        Assert.Equal((3, "D"), (preview.Problems[0].Row, preview.Problems[0].Column));
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task PreviewAsync_CellsOpenedAndNeverClosed_FailsFastWithADamagedSheet()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        var template = (await import.TemplateAsync(City, year, xlsx: true))!.Value;
        var hostile = ReplaceSheet(template.Content, "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">"
            + string.Concat(Enumerable.Repeat("<c r=\"A1\">", 20_000)));
        Assert.True(hostile.Length < 16 * 1024, $"the file is {hostile.Length} bytes");

        // Far longer than the check needs, far shorter than a backtracking search over the sheet takes.
        var preview = await Task.Run(() => import.PreviewAsync(City, year, hostile, "hostile.xlsx")).WaitAsync(TimeSpan.FromSeconds(20));

        var problem = Assert.Single(preview!.Problems);
        Assert.Equal(nameof(Keys.ImportBrokenSheet), problem.Key);
        Assert.StartsWith("hostile.xlsx, sheet Sheet1: the sheet is damaged (its XML breaks at line 1, position ", problem.Describe(portal.Text), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewAsync_NotesAndWarnings_ListsNoteChangesAndTheWarningsSubmittingWillRaise()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        await ApplyAsync(import, year, "code,value,note\nINF01,50,Yearbook\nINF02,60,\n");

        var preview = await import.PreviewAsync(City, year,
            Csv("code,value,note\nINF01,50,\"Yearbook 2025, table 3\"\nINF02,60,\nINF03,30,\nINF04,,Not collected before 2026\n"), "notes.csv");

        Assert.Empty(preview!.Problems);
        Assert.Equal(["INF01", "INF03", "INF04"], preview.Changes.Select(c => c.Code));
        var note = preview.Changes[0];
        Assert.Equal((false, true, "Yearbook", "Yearbook 2025, table 3"), (note.ValueChanged, note.NoteChanged, note.Old.Note, note.New.Note));
        var warned = preview.Changes[1];
        Assert.Equal((80m, 100m), (warned.Warnings[0].Low, warned.Warnings[0].High));
        Assert.Contains(warned.Warnings, w => w.Kind == Domain.Submissions.CheckKind.OutsidePlausibleRange);
        Assert.True(warned.NeedsNote);
        Assert.Equal(1, preview.Warnings);
        Assert.False(preview.Changes[0].NeedsNote);
    }

    [Fact]
    public async Task PreviewAsync_FileWithoutANoteColumn_KeepsTheNotesAndListsNoUnchangedValue()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        await ApplyAsync(import, year, "code,value,note\nINF01,50,Yearbook\nINF02,60,Survey\n");

        var preview = await import.PreviewAsync(City, year, Csv("code,value\nINF01,50\nINF02,61\n"), "values.csv");

        var change = Assert.Single(preview!.Changes);
        Assert.Equal(("INF02", 61m, "Survey"), (change.Code, change.New.Value!.Value, change.New.Note));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PreviewAsync_TemplateUploadedAsDownloaded_HasNoChanges(bool xlsx)
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);
        var import = await portal.ImportAsync(DemoAccounts.HangzhouOfficial);
        await ApplyAsync(import, year, "code,value,not_available_reason,note\n"
            + "INF01,92.50,,\"Yearbook, table 3, \"\"households\"\"\nsecond line\"\n"
            + "INF02,,not collected,=ignore this\n"
            + "IND03,1234.125,,-5 % on 2024\n");
        var template = (await import.TemplateAsync(City, year, xlsx))!.Value;

        var preview = await import.PreviewAsync(City, year, template.Content, template.FileName);

        Assert.Empty(preview!.Problems);
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task TemplateAsync_OfficialOfAnotherCity_GetsNothing()
    {
        var portal = sqlite.Services;
        var year = await portal.FreshYearAsync(City);

        Assert.Null(await (await portal.ImportAsync(DemoAccounts.GuangdongOfficial)).TemplateAsync(City, year, xlsx: false));
    }

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    private static async Task ApplyAsync(ImportService import, int year, string csv)
    {
        var preview = await import.PreviewAsync(City, year, Csv(csv), "setup.csv");
        Assert.Empty(preview!.Problems);
        Assert.True(await import.ApplyAsync(preview));
    }

    /// <summary>The problems in words, as a reader of that language sees them.</summary>
    private static List<string> Describe(IEnumerable<ImportProblem> problems, SeededServices portal, string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
        try
        {
            return [.. problems.Select(p => p.Describe(portal.Text))];
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }

    private static List<Dictionary<string, object?>> Rows(byte[] xlsx) =>
        [.. MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>()
            .Select(r => new Dictionary<string, object?>(r))];

    private static byte[] Save(List<Dictionary<string, object?>> rows)
    {
        using var output = new MemoryStream();
        MiniExcel.SaveAs(output, rows, excelType: ExcelType.XLSX);
        return output.ToArray();
    }

    /// <summary>The workbook with one cell of the first sheet replaced by the given XML.</summary>
    internal static byte[] ReplaceCell(byte[] xlsx, string cell, string xml) =>
        EditSheet(xlsx, sheet =>
        {
            var start = sheet.IndexOf($"<x:c r=\"{cell}\"", StringComparison.Ordinal) is var i and >= 0 ? i : sheet.IndexOf($"<c r=\"{cell}\"", StringComparison.Ordinal);
            Assert.True(start >= 0, $"cell {cell} is not in the sheet");
            var prefix = sheet[start + 1] == 'x' ? "x:" : string.Empty;
            var end = sheet.IndexOf('>', start);
            var stop = sheet[end - 1] == '/' ? end + 1 : sheet.IndexOf($"</{prefix}c>", end, StringComparison.Ordinal) + $"</{prefix}c>".Length;
            return sheet[..start] + (prefix.Length > 0 ? xml.Replace("<c ", "<x:c ", StringComparison.Ordinal).Replace("<f>", "<x:f>", StringComparison.Ordinal)
                .Replace("</f>", "</x:f>", StringComparison.Ordinal).Replace("<v>", "<x:v>", StringComparison.Ordinal).Replace("</v>", "</x:v>", StringComparison.Ordinal)
                .Replace("</c>", "</x:c>", StringComparison.Ordinal) : xml) + sheet[stop..];
        });

    private static byte[] ReplaceSheet(byte[] xlsx, string xml) => EditSheet(xlsx, _ => xml);

    private static byte[] EditSheet(byte[] xlsx, Func<string, string> edit)
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

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
            writer.Write(edit(xml));
        }

        return stream.ToArray();
    }

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
    internal static byte[] WithFormula(byte[] xlsx, string cell, string formula)
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
