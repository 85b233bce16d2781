using SmartCityIndex.Domain;
using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Domain.Tests.Interchange;

public sealed class CsvTableTests
{
    [Fact]
    public void Read_QuotedFields_KeepCommasQuotesAndLineBreaks()
    {
        var table = CsvTable.Read(new StringReader("code,source,note\r\nINF01,\"Yearbook, table 3\",\"the \"\"new\"\" survey\nsecond line\"\r\nINF02,plain,\n"), "seed.csv");

        Assert.Equal(["code", "source", "note"], table.Header);
        Assert.Equal(["INF01", "Yearbook, table 3", "the \"new\" survey\nsecond line"], table.Rows[0]);
        Assert.Equal(["INF02", "plain", string.Empty], table.Rows[1]);
    }

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Read_AnyLineEnding_GivesTheSameRows(string newline)
    {
        var table = CsvTable.Read(new StringReader(string.Join(newline, "code,value", "INF01,50", "", "INF02,60") + newline), "old-mac.csv");

        Assert.Equal(["code", "value"], table.Header);
        Assert.Equal([["INF01", "50"], ["INF02", "60"]], table.Rows.Select(r => r.ToArray()));
    }

    [Theory]
    [InlineData("a,b\n1,\"open\n", CsvErrorKind.QuoteNotClosed, 2)]
    [InlineData("a,b\n1,2\n3,\"open\n4,5\n6,7\n", CsvErrorKind.QuoteNotClosed, 3)] // where it opened, not the last row
    [InlineData("a,b\n1,2\n1,2,3\n", CsvErrorKind.CellCount, 3)]
    [InlineData("", CsvErrorKind.Empty, 1)]
    [InlineData("a,b\r1,2\r1,2,3\r", CsvErrorKind.CellCount, 3)] // lines ended by a CR alone
    [InlineData("a,b\r1,\"two\rlines\"\r3,\"open\r", CsvErrorKind.QuoteNotClosed, 4)]
    public void TryRead_NotATable_SaysWhatAndWhere(string text, CsvErrorKind kind, int row)
    {
        Assert.False(CsvTable.TryRead(new StringReader(text), "x.csv", out _, out var error));
        Assert.Equal((kind, row), (error.Kind, error.Row));
        Assert.Equal(error.Describe("x.csv"), Assert.Throws<DomainException>(() => CsvTable.Read(new StringReader(text), "x.csv")).Message);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void CsvFieldQuote_Text_QuotesOnlyWhenItMustAndReadsBack(string? text, string expected)
    {
        var field = CsvField.Quote(text);

        Assert.Equal(expected, field);
        Assert.Equal(text ?? string.Empty, CsvTable.Read(new StringReader($"h,x\n{field},end\n"), "t.csv").Rows[0][0]);
    }
}
