using System.Globalization;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Domain.Interchange;

/// <summary>
/// Reads COINr's two input tables, so that users can move between COINr and this engine:
/// iMeta (<c>iCode, iName, Level, Parent, Direction, Weight, Type</c>, optional <c>GoalLow, GoalHigh, Unit</c>; rows
/// whose Type is not Indicator or Aggregate, such as Group or Denominator, are ignored) and iData (<c>uCode</c>,
/// optional <c>uName</c>, then any other columns; those named like an indicator hold its values, an empty cell or
/// <c>NA</c> is missing; the remaining text columns are kept as groups).
/// </summary>
public static class CoinrFormat
{
    /// <summary>Reads the index structure from a meta table.</summary>
    public static IndexStructure ReadMeta(CsvTable meta)
    {
        var code = meta.RequiredColumn("iCode");
        var level = meta.RequiredColumn("Level");
        var parent = meta.RequiredColumn("Parent");
        var direction = meta.RequiredColumn("Direction");
        var weight = meta.RequiredColumn("Weight");
        var type = meta.RequiredColumn("Type");
        var name = meta.ColumnIndex("iName");
        var goalLow = meta.ColumnIndex("GoalLow");
        var goalHigh = meta.ColumnIndex("GoalHigh");
        var unit = meta.ColumnIndex("Unit");

        var definitions = new List<IndexNodeDefinition>();
        for (var r = 0; r < meta.Rows.Count; r++)
        {
            var row = meta.Rows[r];
            var where = $"{meta.Source}, row {r + 2}";
            var kind = row[type].Trim();
            IndexNodeType nodeType;
            if (kind.Equals("Indicator", StringComparison.OrdinalIgnoreCase))
            {
                nodeType = IndexNodeType.Indicator;
            }
            else if (kind.Equals("Aggregate", StringComparison.OrdinalIgnoreCase))
            {
                nodeType = IndexNodeType.Aggregate;
            }
            else
            {
                continue;
            }

            var directionValue = nodeType == IndexNodeType.Aggregate && IsMissing(row[direction])
                ? 1
                : (int)Number(row[direction], where, "Direction");
            if (nodeType == IndexNodeType.Indicator && Number(row[direction], where, "Direction") is not (1 or -1))
            {
                throw new DomainException($"{where}, column Direction: '{row[direction]}' must be 1 or -1.");
            }

            definitions.Add(new IndexNodeDefinition(
                Code: row[code].Trim(),
                Name: name >= 0 ? row[name] : null,
                Level: (int)WholeNumber(row[level], where, "Level"),
                Parent: IsMissing(row[parent]) ? null : row[parent].Trim(),
                Direction: directionValue,
                Weight: Number(row[weight], where, "Weight"),
                Type: nodeType,
                GoalLow: goalLow >= 0 && !IsMissing(row[goalLow]) ? Number(row[goalLow], where, "GoalLow") : null,
                GoalHigh: goalHigh >= 0 && !IsMissing(row[goalHigh]) ? Number(row[goalHigh], where, "GoalHigh") : null,
                Unit: unit >= 0 && !IsMissing(row[unit]) ? row[unit] : null,
                Source: where));
        }

        return IndexStructure.Create(definitions);
    }

    /// <summary>Reads the units and their values for the indicators of <paramref name="structure"/>.</summary>
    public static UnitData ReadData(CsvTable data, IndexStructure structure)
    {
        var unitCode = data.RequiredColumn("uCode");
        var unitName = data.ColumnIndex("uName");
        var columns = new int[structure.IndicatorCount];
        for (var j = 0; j < structure.IndicatorCount; j++)
        {
            var code = structure.Nodes[j].Code;
            columns[j] = Array.IndexOf(data.Header, code);
            if (columns[j] < 0)
            {
                throw new DomainException($"{data.Source}: there is no column for indicator '{code}' of the meta table.");
            }
        }

        var units = data.Rows.Count;
        var values = new ColumnMatrix(new double[units * structure.IndicatorCount], units, structure.IndicatorCount);
        var codes = new string[units];
        var names = unitName >= 0 ? new string?[units] : null;
        for (var u = 0; u < units; u++)
        {
            var row = data.Rows[u];
            codes[u] = row[unitCode].Trim();
            if (codes[u].Length == 0)
            {
                throw new DomainException($"{data.Source}, row {u + 2}, column uCode: the unit code is empty.");
            }

            if (names is not null)
            {
                names[u] = row[unitName];
            }

            for (var j = 0; j < columns.Length; j++)
            {
                var cell = row[columns[j]];
                values[u, j] = IsMissing(cell)
                    ? double.NaN
                    : !double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v)
                        ? throw new DomainException($"{data.Source}, row {u + 2}, column {data.Header[columns[j]]}: '{cell}' is not a number (use a dot for decimals; leave the cell empty or write NA when missing).")
                        : Math.Abs(v) > MaxMagnitude
                            ? throw new DomainException($"{data.Source}, row {u + 2}, column {data.Header[columns[j]]}: '{cell}' is too large: an indicator value must lie within ±1e15.")
                            : v;
            }
        }

        var indicatorColumns = columns.ToHashSet();
        var groups = new Dictionary<string, string?[]>(StringComparer.Ordinal);
        for (var c = 0; c < data.Header.Length; c++)
        {
            if (c != unitCode && c != unitName && !indicatorColumns.Contains(c))
            {
                groups[data.Header[c]] = data.Rows.Select(r => IsMissing(r[c]) ? null : r[c]).ToArray();
            }
        }

        return new UnitData(codes, values, names, groups);
    }

    /// <summary>
    /// The largest magnitude of an indicator value. The methods take differences, squares and products of values (a
    /// range, a variance, a correlation): near 1e308 these overflow to infinity and give a weight of 0 or every unit the
    /// same rank with no warning; below 1e15 every step stays finite and a double still holds whole numbers exactly.
    /// </summary>
    public const double MaxMagnitude = 1e15;

    /// <summary>An empty cell or NA means missing.</summary>
    public static bool IsMissing(string cell)
    {
        var t = cell.AsSpan().Trim();
        return t.Length == 0 || t.Equals("NA", StringComparison.OrdinalIgnoreCase);
    }

    private static double Number(string cell, string where, string column) =>
        double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
            ? v
            : throw new DomainException($"{where}, column {column}: '{cell}' is not a number.");

    private static double WholeNumber(string cell, string where, string column)
    {
        var v = Number(cell, where, column);
        return v == Math.Floor(v) ? v : throw new DomainException($"{where}, column {column}: '{cell}' is not a whole number.");
    }
}
