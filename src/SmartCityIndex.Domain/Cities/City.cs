namespace SmartCityIndex.Domain.Cities;

/// <summary>A city that reports indicator values and is scored, identified by a unique code such as <c>CN-HZ</c>.</summary>
public sealed class City
{
    private City()
    {
    }

    /// <summary>Creates a city; every argument is checked and a <see cref="DomainException"/> names the bad one.</summary>
    public City(string code, string nameEn, string nameZh, string provinceEn, string provinceZh, long population, CityTier tier)
    {
        Code = Guard.Code(code, "City");
        Rename(nameEn, nameZh);
        MoveTo(provinceEn, provinceZh);
        UpdatePopulation(population);
        ChangeTier(tier);
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>Unique code, for example <c>CN-HZ</c> for Hangzhou.</summary>
    public string Code { get; private set; } = string.Empty;

    /// <summary>English name.</summary>
    public string NameEn { get; private set; } = string.Empty;

    /// <summary>Simplified Chinese name.</summary>
    public string NameZh { get; private set; } = string.Empty;

    /// <summary>Province or region, in English.</summary>
    public string ProvinceEn { get; private set; } = string.Empty;

    /// <summary>Province or region, in Simplified Chinese.</summary>
    public string ProvinceZh { get; private set; } = string.Empty;

    /// <summary>Resident population (persons), greater than zero.</summary>
    public long Population { get; private set; }

    /// <summary>The city's tier.</summary>
    public CityTier Tier { get; private set; }

    /// <summary>Changes both names.</summary>
    public void Rename(string nameEn, string nameZh)
    {
        NameEn = Guard.Text(nameEn, "The English city name", 100);
        NameZh = Guard.Text(nameZh, "The Chinese city name", 100);
    }

    /// <summary>Changes the province or region.</summary>
    public void MoveTo(string provinceEn, string provinceZh)
    {
        ProvinceEn = Guard.Text(provinceEn, "The English province name", 100);
        ProvinceZh = Guard.Text(provinceZh, "The Chinese province name", 100);
    }

    /// <summary>Sets the resident population; it must be greater than zero.</summary>
    public void UpdatePopulation(long population)
    {
        if (population <= 0)
        {
            throw new DomainException($"The population of {Code} must be greater than 0 (got {population}).");
        }

        Population = population;
    }

    /// <summary>Sets the tier.</summary>
    public void ChangeTier(CityTier tier)
    {
        if (!Enum.IsDefined(tier))
        {
            throw new DomainException($"City tier {(int)tier} is not known.");
        }

        Tier = tier;
    }
}
