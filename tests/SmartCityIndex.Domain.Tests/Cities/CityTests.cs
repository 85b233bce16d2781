using SmartCityIndex.Domain.Cities;

namespace SmartCityIndex.Domain.Tests.Cities;

public sealed class CityTests
{
    [Fact]
    public void Constructor_ValidValues_TrimsCode()
    {
        var city = new City(" CN-HZ ", "Hangzhou", "杭州", "Zhejiang", "浙江", 11_936_010, CityTier.NewFirst);

        Assert.Equal("CN-HZ", city.Code);
        Assert.Equal("杭州", city.NameZh);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void Constructor_PopulationNotPositive_Throws(long population)
    {
        var error = Assert.Throws<DomainException>(() => new City("CN-HZ", "Hangzhou", "杭州", "Zhejiang", "浙江", population, CityTier.NewFirst));

        Assert.Contains("population of CN-HZ", error.Message);
    }

    [Theory]
    [InlineData("", "杭州")]
    [InlineData("Hangzhou", " ")]
    public void Constructor_MissingName_Throws(string nameEn, string nameZh)
    {
        Assert.Throws<DomainException>(() => new City("CN-HZ", nameEn, nameZh, "Zhejiang", "浙江", 1, CityTier.NewFirst));
    }

    [Fact]
    public void Constructor_BadCode_Throws()
    {
        Assert.Throws<DomainException>(() => new City("CN HZ", "Hangzhou", "杭州", "Zhejiang", "浙江", 1, CityTier.NewFirst));
    }

    [Fact]
    public void ChangeTier_UnknownTier_Throws()
    {
        var city = new City("CN-HZ", "Hangzhou", "杭州", "Zhejiang", "浙江", 1, CityTier.NewFirst);

        Assert.Throws<DomainException>(() => city.ChangeTier((CityTier)42));
    }
}
