using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Domain.Tests.Interchange;

public sealed class CoinrFormatTests
{
    private const string Meta = """
        iCode,iName,Level,Parent,Direction,Weight,Type
        A,Alpha,1,P,1,1,Indicator
        B,Beta,1,P,-1,2,Indicator
        P,Pillar,2,NA,1,1,Aggregate
        G,Group,NA,NA,NA,NA,Group
        """;

    private static CsvTable Table(string text, string source = "data.csv") => CsvTable.Read(new StringReader(text), source);

    [Fact]
    public void ReadMeta_CoinrTable_IgnoresGroupRows()
    {
        var structure = CoinrFormat.ReadMeta(Table(Meta, "meta.csv"));

        Assert.Equal(["A", "B", "P"], structure.Codes);
        Assert.Equal(-1, structure.Directions[1]);
    }

    [Fact]
    public void ReadData_NaAndEmpty_AreMissingAndOtherColumnsAreGroups()
    {
        var structure = CoinrFormat.ReadMeta(Table(Meta, "meta.csv"));

        var data = CoinrFormat.ReadData(Table("uCode,uName,Province,A,B\nX,Ex,North,1.5,NA\nY,\"Why, really\",South,,2\n"), structure);

        Assert.Equal(1.5, data.Values[0, 0]);
        Assert.True(double.IsNaN(data.Values[0, 1]));
        Assert.True(double.IsNaN(data.Values[1, 0]));
        Assert.Equal("Why, really", data.UnitNames![1]);
        Assert.Equal(new string?[] { "North", "South" }, data.Groups["Province"].AsEnumerable());
    }

    [Fact]
    public void ReadData_TextInANumberColumn_NamesFileRowAndColumn()
    {
        var structure = CoinrFormat.ReadMeta(Table(Meta, "meta.csv"));

        var error = Assert.Throws<DomainException>(() => CoinrFormat.ReadData(Table("uCode,A,B\nX,1,2\nY,abc,3\n", "cities.csv"), structure));

        Assert.StartsWith("cities.csv, row 3, column A: 'abc' is not a number", error.Message);
    }

    [Fact]
    public void ReadData_MissingIndicatorColumn_NamesTheIndicator()
    {
        var structure = CoinrFormat.ReadMeta(Table(Meta, "meta.csv"));

        var error = Assert.Throws<DomainException>(() => CoinrFormat.ReadData(Table("uCode,A\nX,1\n", "cities.csv"), structure));

        Assert.Equal("cities.csv: there is no column for indicator 'B' of the meta table.", error.Message);
    }

    [Fact]
    public void ReadData_DuplicateUnit_NamesIt()
    {
        var structure = CoinrFormat.ReadMeta(Table(Meta, "meta.csv"));

        var error = Assert.Throws<DomainException>(() => CoinrFormat.ReadData(Table("uCode,A,B\nX,1,2\nX,3,4\n"), structure));

        Assert.Contains("'X' appears twice", error.Message);
    }

    [Fact]
    public void ReadMeta_BadDirection_NamesRowAndColumn()
    {
        var error = Assert.Throws<DomainException>(() => CoinrFormat.ReadMeta(Table(Meta.Replace("B,Beta,1,P,-1", "B,Beta,1,P,0"), "meta.csv")));

        Assert.Equal("meta.csv, row 3, column Direction: '0' must be 1 or -1.", error.Message);
    }

    [Fact]
    public void ReadMeta_WeightNotANumber_NamesRowAndColumn()
    {
        var error = Assert.Throws<DomainException>(() => CoinrFormat.ReadMeta(Table(Meta.Replace("-1,2,Indicator", "-1,heavy,Indicator"), "meta.csv")));

        Assert.Equal("meta.csv, row 3, column Weight: 'heavy' is not a number.", error.Message);
    }

    [Fact]
    public void Read_RowWithTooFewCells_NamesTheRow()
    {
        var error = Assert.Throws<DomainException>(() => Table("uCode,A,B\nX,1\n", "cities.csv"));

        Assert.Equal("cities.csv, row 2: expected 3 cells as in the header, found 2.", error.Message);
    }

    [Fact]
    public void Read_UnclosedQuote_NamesTheRow()
    {
        var error = Assert.Throws<DomainException>(() => Table("uCode,A\n\"X,1\n", "cities.csv"));

        Assert.Contains("cities.csv, row", error.Message);
        Assert.Contains("not closed", error.Message);
    }
}
