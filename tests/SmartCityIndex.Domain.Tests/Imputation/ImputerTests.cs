using SmartCityIndex.Domain.Imputation;

namespace SmartCityIndex.Domain.Tests.Imputation;

public sealed class ImputerTests
{
    private static readonly string?[] Province = ["N", "N", "N", "S", "S"];

    private static ColumnMatrix Column(params double[] values) => new(values, values.Length, 1);

    [Theory]
    [InlineData(ImputationMethod.Mean, 4.0)]
    [InlineData(ImputationMethod.Median, 2.5)]
    public void Impute_Overall_FillsWithTheIndicatorCentre(ImputationMethod method, double expected)
    {
        var values = Column(1, double.NaN, 2, 3, 10);

        var filled = Imputer.Impute(values, new ImputationOptions(method), new Dictionary<string, string?[]>(), ["X1"], []);

        Assert.Equal(1, filled);
        Assert.Equal(expected, values[1, 0]);
    }

    [Fact]
    public void Impute_GroupMean_UsesTheUnitsGroup()
    {
        var values = Column(1, 3, double.NaN, 10, double.NaN);

        Imputer.Impute(values, new ImputationOptions(ImputationMethod.Mean, "Province"), new Dictionary<string, string?[]> { ["Province"] = Province }, ["X1"], []);

        Assert.Equal(2, values[2, 0]);
        Assert.Equal(10, values[4, 0]);
    }

    [Fact]
    public void Impute_GroupWithNoData_LeavesTheGapAndWarns()
    {
        var values = Column(1, 3, 5, double.NaN, double.NaN);
        var warnings = new List<string>();

        Imputer.Impute(values, new ImputationOptions(ImputationMethod.Median, "Province"), new Dictionary<string, string?[]> { ["Province"] = Province }, ["X1"], warnings);

        Assert.True(double.IsNaN(values[3, 0]));
        Assert.Equal("Indicator X1 has no data in group 'S' of Province: 2 missing value(s) stay missing.", Assert.Single(warnings));
    }

    [Fact]
    public void Impute_UnknownGroupColumn_NamesItAndTheColumnsThereAre()
    {
        var error = Assert.Throws<DomainException>(() => Imputer.Impute(Column(1, double.NaN), new ImputationOptions(ImputationMethod.Mean, "Region"),
            new Dictionary<string, string?[]> { ["Province"] = ["N", "S"] }, ["X1"], []));

        Assert.Equal("The group column 'Region' for imputation is not in the data (columns: Province).", error.Message);
    }
}
