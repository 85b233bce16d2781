using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Web.Features.Cities;

namespace SmartCityIndex.Web.Tests.Features.Cities;

public sealed class CityRowTests
{
    private static readonly CityRow Hangzhou = new("CN-HZ", "Hangzhou", "杭州", "Zhejiang", "浙江", 11_936_010, CityTier.NewFirst);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hang")]
    [InlineData("杭")]
    [InlineData("浙江")]
    [InlineData("zhejiang")]
    [InlineData("cn-hz")]
    [InlineData(" Hangzhou ")]
    public void Matches_CodeNameOrProvinceInEitherLanguage_IsTrue(string? search)
    {
        Assert.True(Hangzhou.Matches(search));
    }

    [Theory]
    [InlineData("Suzhou")]
    [InlineData("江苏")]
    public void Matches_OtherText_IsFalse(string search)
    {
        Assert.False(Hangzhou.Matches(search));
    }
}
