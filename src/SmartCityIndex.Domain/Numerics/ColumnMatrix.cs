namespace SmartCityIndex.Domain.Numerics;

/// <summary>
/// A units × indicators table of numbers stored column by column in one array: column <c>j</c> (one indicator over
/// all units) is the contiguous slice <c>[j * Rows, (j + 1) * Rows)</c>. A missing value is <see cref="double.NaN"/>.
/// Column-major because the engine's work is per indicator (statistics, normalisation) and per aggregate
/// (weighted sums of whole columns).
/// </summary>
public readonly struct ColumnMatrix
{
    /// <summary>Wraps <paramref name="data"/> (not copied), which must hold <paramref name="rows"/> × <paramref name="columns"/> values.</summary>
    public ColumnMatrix(double[] data, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (rows < 0 || columns < 0 || (long)rows * columns != data.Length)
        {
            throw new ArgumentException($"A {rows} × {columns} matrix needs {(long)rows * columns} values, not {data.Length}.", nameof(data));
        }

        Data = data;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>A new matrix of <paramref name="rows"/> × <paramref name="columns"/> missing values.</summary>
    public static ColumnMatrix Missing(int rows, int columns)
    {
        var data = new double[rows * columns];
        Array.Fill(data, double.NaN);
        return new ColumnMatrix(data, rows, columns);
    }

    /// <summary>Builds a matrix from rows (units) of values, as written in a table: <c>rows[i][j]</c>.</summary>
    public static ColumnMatrix FromRows(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var columns = rows.Count == 0 ? 0 : rows[0].Count;
        var matrix = new ColumnMatrix(new double[rows.Count * columns], rows.Count, columns);
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != columns)
            {
                throw new ArgumentException($"Row {i + 1} has {rows[i].Count} values; the first row has {columns}.", nameof(rows));
            }

            for (var j = 0; j < columns; j++)
            {
                matrix[i, j] = rows[i][j];
            }
        }

        return matrix;
    }

    /// <summary>The values, column after column.</summary>
    public double[] Data { get; }

    /// <summary>Number of units (rows).</summary>
    public int Rows { get; }

    /// <summary>Number of indicators (columns).</summary>
    public int Columns { get; }

    /// <summary>The value of unit <paramref name="row"/> for indicator <paramref name="column"/>.</summary>
    public double this[int row, int column]
    {
        get => Data[column * Rows + row];
        set => Data[column * Rows + row] = value;
    }

    /// <summary>One indicator over all units.</summary>
    public Span<double> Column(int column) => Data.AsSpan(column * Rows, Rows);

    /// <summary>A deep copy.</summary>
    public ColumnMatrix Clone() => new((double[])Data.Clone(), Rows, Columns);
}
