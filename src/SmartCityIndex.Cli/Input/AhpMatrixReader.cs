using SmartCityIndex.Domain;
using SmartCityIndex.Domain.Weighting;

namespace SmartCityIndex.Cli.Input;

/// <summary>An AHP pairwise comparison matrix read from CSV, with its criteria's names.</summary>
/// <param name="Criteria">The criteria, in the matrix's order.</param>
/// <param name="Judgements">a_ij: how many times more important criterion i is than criterion j.</param>
internal sealed record AhpMatrix(IReadOnlyList<string> Criteria, double[,] Judgements);

/// <summary>
/// Reads an AHP matrix: a header row (first cell empty, then the criteria's names) and one row per criterion (its
/// name, then one judgement per column: a number such as 3 or 0.5, or a fraction such as 1/3).
/// </summary>
internal static class AhpMatrixReader
{
    /// <summary>Reads and checks the matrix's layout; the judgements themselves are checked by <see cref="Ahp.Compute(double[,], IReadOnlyList{string})"/>.</summary>
    public static AhpMatrix Read(string path)
    {
        var table = InputFiles.ReadTable(path);
        var columns = table.Header.Length - 1;
        if (columns < 1)
        {
            throw new InputException(
                $"{path}: the header row must hold an empty cell, then the criteria's names (such as ,Cost,Quality,Speed).");
        }

        var rowNames = new string[table.Rows.Count];
        var judgements = new double[table.Rows.Count, columns];
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var row = table.Rows[r];
            rowNames[r] = row[0].Trim();
            for (var c = 0; c < columns; c++)
            {
                try
                {
                    judgements[r, c] = Ahp.ParseJudgement(row[c + 1]);
                }
                catch (DomainException e)
                {
                    throw new InputException($"{path}, row {r + 2}, column {table.Header[c + 1]}: {e.Message}");
                }
            }
        }

        var columnNames = table.Header[1..];
        if (rowNames.Length != columns)
        {
            throw new InputException(
                $"{path}: the AHP matrix must be square, but it has {rowNames.Length} criteria in rows ({string.Join(", ", rowNames)}) and {columns} in the header ({string.Join(", ", columnNames)}).");
        }

        var differences = new List<string>();
        for (var i = 0; i < columns; i++)
        {
            if (!string.Equals(rowNames[i], columnNames[i], StringComparison.Ordinal))
            {
                differences.Add($"row {i + 2} is '{rowNames[i]}' but column {i + 2} is '{columnNames[i]}'");
            }
        }

        if (differences.Count > 0)
        {
            throw new InputException(
                $"{path}: the rows must name the same criteria as the header, in the same order; {string.Join("; ", differences)}.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in columnNames)
        {
            if (name.Length == 0)
            {
                throw new InputException($"{path}: a criterion has no name; name every row and column.");
            }

            if (!seen.Add(name))
            {
                throw new InputException($"{path}: the criterion '{name}' appears twice.");
            }
        }

        return new AhpMatrix(columnNames, judgements);
    }
}
