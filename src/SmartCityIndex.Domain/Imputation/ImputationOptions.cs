namespace SmartCityIndex.Domain.Imputation;

/// <summary>What replaces a missing value before normalisation.</summary>
public enum ImputationMethod
{
    /// <summary>Leave it missing: aggregates use the children present.</summary>
    None,

    /// <summary>The indicator's mean over the units with data.</summary>
    Mean,

    /// <summary>The indicator's median over the units with data.</summary>
    Median,
}

/// <summary>An imputation method, optionally within the groups of a group column (e.g. province).</summary>
public sealed record ImputationOptions(ImputationMethod Method, string? GroupColumn = null)
{
    /// <summary>No imputation.</summary>
    public static readonly ImputationOptions None = new(ImputationMethod.None);
}
