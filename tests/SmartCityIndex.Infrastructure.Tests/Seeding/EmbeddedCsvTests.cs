using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Infrastructure.Tests.Seeding;

public sealed class EmbeddedCsvTests
{
    [Fact]
    public void Read_QuotedFields_AreCellsWithTheirCommasQuotesAndLineBreaks()
    {
        var rows = EmbeddedCsv.Read(new StringReader("code,name_en,source\nINF01,\"Households, with Internet\",\"ITU \"\"U4SSC\"\"\nEC:ICT\"\nINF02, spaced ,x\n"), "seed.csv");

        Assert.Equal(2, rows.Count);
        Assert.Equal(("Households, with Internet", "ITU \"U4SSC\"\nEC:ICT"), (rows[0]["name_en"], rows[0]["source"]));
        Assert.Equal("spaced", rows[1]["name_en"]);
    }

    [Fact]
    public void Read_StarterFramework_HasThirtyIndicatorsWithTheirSources()
    {
        var rows = EmbeddedCsv.Read("starter-framework.csv");

        Assert.Equal(30, rows.Count);
        Assert.Equal("ITU-T Y.4903 (U4SSC) EC:ICT:ICT:1C", rows[0]["source"]);
    }
}
