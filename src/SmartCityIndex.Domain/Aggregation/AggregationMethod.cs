namespace SmartCityIndex.Domain.Aggregation;

/// <summary>How an aggregate's score is computed from its children (or, for TOPSIS and GRA, from its indicators).</summary>
public enum AggregationMethod
{
    /// <summary>Σ w x / Σ w over the children present.</summary>
    Arithmetic,

    /// <summary>exp(Σ w ln x / Σ w); needs positive values (normalise to e.g. 1–100).</summary>
    Geometric,

    /// <summary>Σ w / Σ (w / x); needs positive values.</summary>
    Harmonic,

    /// <summary>TOPSIS closeness × 100 over the raw indicators beneath, with their effective weights.</summary>
    Topsis,

    /// <summary>Grey relational grade × 100 over the raw indicators beneath, with their effective weights.</summary>
    GreyRelational,
}

/// <summary>TOPSIS's normalisation of the raw data.</summary>
public enum TopsisNormalisation
{
    /// <summary>r = x / sqrt(Σ x²), the classic choice.</summary>
    Vector,

    /// <summary>Direction-aware min-max to [0, 1].</summary>
    MinMax,
}
