using SmartCityIndex.Domain.Frameworks;

namespace SmartCityIndex.Domain.Tests.Frameworks;

public sealed class ValueRangeTests
{
    [Fact]
    public void Constructor_MinAboveMax_ThrowsShowingTheRange()
    {
        var error = Assert.Throws<DomainException>(() => new ValueRange(10, 5));

        Assert.Contains("[10, 5] is not ordered", error.Message);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(100, true)]
    [InlineData(50.5, true)]
    [InlineData(-0.01, false)]
    [InlineData(100.01, false)]
    public void Contains_Value_IncludesBounds(decimal value, bool expected)
    {
        Assert.Equal(expected, new ValueRange(0, 100).Contains(value));
    }

    [Fact]
    public void From_OnlyOneBound_Throws()
    {
        Assert.Throws<DomainException>(() => ValueRange.From(1, null, "The hard range"));
    }

    [Fact]
    public void From_NoBounds_IsNull()
    {
        Assert.Null(ValueRange.From(null, null, "The hard range"));
    }
}
