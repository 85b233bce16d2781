namespace SmartCityIndex.Domain.Normalisation;

/// <summary>How raw indicator values are brought to a common scale. Lower-is-better indicators are multiplied by −1 first.</summary>
public enum NormalisationMethod
{
    /// <summary>lo + (hi − lo)(x − min)/(max − min); a constant indicator gives hi to everyone (with a warning).</summary>
    MinMax,

    /// <summary>(x − mean)/sd with the sample standard deviation (n − 1); a constant indicator gives 0 (with a warning).</summary>
    ZScore,

    /// <summary>lo + (hi − lo)(r − 1)/(n − 1), r the average rank (ties share the mean of their ranks).</summary>
    Rank,

    /// <summary>Position between the indicator's goalposts, clamped to them, scaled to [lo, hi]; direction-aware.</summary>
    Goalposts,
}
