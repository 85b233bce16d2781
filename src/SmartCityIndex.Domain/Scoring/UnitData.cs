namespace SmartCityIndex.Domain.Scoring;

/// <summary>
/// The units (cities, countries) to score and their raw indicator values, with the indicator columns in the order
/// of the index structure's indicators. Group columns (e.g. province) serve group-wise imputation.
/// </summary>
public sealed class UnitData
{
    /// <summary>Checks that unit codes are present and unique and the table has one row per unit.</summary>
    public UnitData(IReadOnlyList<string> unitCodes, ColumnMatrix values, IReadOnlyList<string?>? unitNames = null, IReadOnlyDictionary<string, string?[]>? groups = null)
    {
        if (values.Rows != unitCodes.Count)
        {
            throw new DomainException($"There are {unitCodes.Count} unit codes but {values.Rows} rows of values.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < unitCodes.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(unitCodes[i]))
            {
                throw new DomainException($"Unit {i + 1} has no code.");
            }

            if (!seen.Add(unitCodes[i]))
            {
                throw new DomainException($"The unit code '{unitCodes[i]}' appears twice.");
            }
        }

        foreach (var (name, column) in groups ?? new Dictionary<string, string?[]>())
        {
            if (column.Length != unitCodes.Count)
            {
                throw new DomainException($"The group column '{name}' has {column.Length} values for {unitCodes.Count} units.");
            }
        }

        UnitCodes = unitCodes;
        UnitNames = unitNames;
        Values = values;
        Groups = groups ?? new Dictionary<string, string?[]>();
    }

    /// <summary>Unit codes, one per row.</summary>
    public IReadOnlyList<string> UnitCodes { get; }

    /// <summary>Unit names, if given.</summary>
    public IReadOnlyList<string?>? UnitNames { get; }

    /// <summary>Raw values: units × indicators, NaN where missing.</summary>
    public ColumnMatrix Values { get; }

    /// <summary>Group columns by name, one value per unit.</summary>
    public IReadOnlyDictionary<string, string?[]> Groups { get; }

    /// <summary>Number of units.</summary>
    public int UnitCount => UnitCodes.Count;
}
