namespace SmartCityIndex.Domain.Frameworks;

/// <summary>Whether a higher or a lower raw value of an indicator means a better city.</summary>
public enum Direction
{
    /// <summary>Lower values are better (a cost indicator, e.g. unemployment); normalisation multiplies by -1 first.</summary>
    LowerIsBetter = -1,

    /// <summary>Higher values are better (a benefit indicator, e.g. broadband coverage).</summary>
    HigherIsBetter = 1,
}
