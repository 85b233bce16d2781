using System.Text;
using SmartCityIndex.Web.Features.Import;

namespace SmartCityIndex.Web.Tests.Features.Import;

public sealed class WorksheetScanTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    [Theory]
    [InlineData("<row r=\"2\"><c r=\"D2\" t=\"n\"><f>1+1</f><v>2</v></c></row>", "D2")]
    [InlineData("<row r=\"2\"><c t=\"n\" r=\"D2\"><f>SUM(99,1)</f><v>71</v></c></row>", "D2")]
    [InlineData("<row r=\"2\"><c s=\"1\" r=\"B2\"><v>3</v></c><c r=\"C2\"><f t=\"shared\" si=\"0\"/></c></row>", "C2")]
    [InlineData("<row r=\"4\"><c><v>1</v></c><c><f>A4</f></c></row>", "B4")]
    public void Scan_FormulaCell_IsFoundWhateverTheAttributeOrder(string rows, string cell)
    {
        var result = Scan($"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData></worksheet>");

        Assert.Equal([cell], result.FormulaCells);
        Assert.Null(result.BrokenAt);
    }

    [Fact]
    public void Scan_PrefixedElementsAndSeveralFormulas_ListsEveryOne()
    {
        var result = Scan($"<x:worksheet xmlns:x=\"{Main}\"><x:sheetData><x:row r=\"1\"><x:c r=\"A1\" t=\"inlineStr\"><x:is><x:t>f</x:t></x:is></x:c></x:row>"
            + "<x:row r=\"3\"><x:c r=\"D3\"><x:f>1</x:f></x:c><x:c r=\"E3\"><x:f>2</x:f></x:c></x:row><x:row r=\"9\"><x:c r=\"AA9\"><x:f>3</x:f></x:c></x:row></x:sheetData></x:worksheet>");

        Assert.Equal(["D3", "E3", "AA9"], result.FormulaCells);
    }

    [Fact]
    public void Scan_ADocumentTypeDeclaration_IsRefused()
    {
        var result = Scan($"<!DOCTYPE worksheet [<!ENTITY a \"aaaa\">]><worksheet xmlns=\"{Main}\"><sheetData/></worksheet>");

        Assert.NotNull(result.BrokenAt);
    }

    [Fact]
    public void Scan_CancelledToken_Stops()
    {
        var rows = string.Concat(Enumerable.Range(1, 5_000).Select(r => $"<row r=\"{r}\"><c r=\"A{r}\"><v>1</v></c></row>"));

        Assert.Throws<OperationCanceledException>(() =>
            WorksheetScan.Scan(new MemoryStream(Encoding.UTF8.GetBytes($"<worksheet xmlns=\"{Main}\"><sheetData>{rows}</sheetData></worksheet>")), new CancellationToken(canceled: true)));
    }

    private static WorksheetScanResult Scan(string xml) => WorksheetScan.Scan(new MemoryStream(Encoding.UTF8.GetBytes(xml)));
}
