namespace SmartCityIndex.Domain.Imputation;

/// <summary>Fills missing values in place with the indicator's mean or median, overall or within groups.</summary>
public static class Imputer
{
    /// <summary>Imputes <paramref name="values"/> in place; returns how many values were filled. Reports gaps it could not fill.</summary>
    public static int Impute(ColumnMatrix values, ImputationOptions options, IReadOnlyDictionary<string, string?[]> groups,
        IReadOnlyList<string> indicatorCodes, ICollection<string> warnings)
    {
        if (options.Method == ImputationMethod.None)
        {
            return 0;
        }

        string?[]? groupOf = null;
        if (options.GroupColumn is { } column && !groups.TryGetValue(column, out groupOf))
        {
            throw new DomainException($"The group column '{column}' for imputation is not in the data (columns: {string.Join(", ", groups.Keys)}).");
        }

        var filled = 0;
        var scratch = new List<double>();
        for (var j = 0; j < values.Columns; j++)
        {
            var col = values.Column(j);
            if (!HasNaN(col))
            {
                continue;
            }

            if (groupOf is null)
            {
                var fill = Centre(col, _ => true, options.Method, scratch);
                filled += Fill(col, _ => true, fill, indicatorCodes[j], "all units", warnings);
                continue;
            }

            foreach (var group in groupOf.Distinct())
            {
                bool InGroup(int i) => groupOf[i] == group;
                var fill = Centre(col, InGroup, options.Method, scratch);
                filled += Fill(col, InGroup, fill, indicatorCodes[j], $"group '{group ?? "(none)"}' of {options.GroupColumn}", warnings);
            }
        }

        return filled;
    }

    private static bool HasNaN(Span<double> column)
    {
        foreach (var v in column)
        {
            if (double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }

    private static double Centre(Span<double> column, Func<int, bool> include, ImputationMethod method, List<double> scratch)
    {
        scratch.Clear();
        for (var i = 0; i < column.Length; i++)
        {
            if (include(i) && !double.IsNaN(column[i]))
            {
                scratch.Add(column[i]);
            }
        }

        if (scratch.Count == 0)
        {
            return double.NaN;
        }

        if (method == ImputationMethod.Mean)
        {
            return scratch.Average();
        }

        scratch.Sort();
        var mid = scratch.Count / 2;
        return scratch.Count % 2 == 1 ? scratch[mid] : (scratch[mid - 1] + scratch[mid]) / 2;
    }

    private static int Fill(Span<double> column, Func<int, bool> include, double fill, string indicator, string scope, ICollection<string> warnings)
    {
        var filled = 0;
        var unfilled = 0;
        for (var i = 0; i < column.Length; i++)
        {
            if (include(i) && double.IsNaN(column[i]))
            {
                if (double.IsNaN(fill))
                {
                    unfilled++;
                }
                else
                {
                    column[i] = fill;
                    filled++;
                }
            }
        }

        if (unfilled > 0)
        {
            warnings.Add($"Indicator {indicator} has no data in {scope}: {unfilled} missing value(s) stay missing.");
        }

        return filled;
    }
}
