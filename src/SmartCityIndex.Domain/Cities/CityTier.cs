namespace SmartCityIndex.Domain.Cities;

/// <summary>The commonly used Chinese city tier classification (一线 to 五线城市).</summary>
public enum CityTier
{
    /// <summary>一线城市.</summary>
    First = 1,
    /// <summary>新一线城市.</summary>
    NewFirst = 2,
    /// <summary>二线城市.</summary>
    Second = 3,
    /// <summary>三线城市.</summary>
    Third = 4,
    /// <summary>四线城市.</summary>
    Fourth = 5,
    /// <summary>五线城市.</summary>
    Fifth = 6,
}
