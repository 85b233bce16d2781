namespace SmartCityIndex.Domain.Tests.Aggregation;

/// <summary>
/// Tzeng &amp; Huang (2011), as in the scikit-criteria test suite (/work/shared/data/method-oracles.md): four units,
/// three higher-is-better criteria, weights 0.3, 0.4, 0.3. TOPSIS and grey relational analysis are both checked on it.
/// </summary>
internal static class TzengHuangOracle
{
    public static readonly double[][] Data =
    [
        [5, 8, 4],
        [7, 6, 8],
        [8, 8, 6],
        [7, 4, 6],
    ];

    public static readonly double[] Weights = [0.3, 0.4, 0.3];

    public static readonly int[] AllBenefit = [1, 1, 1];

    public static ColumnMatrix Matrix(params double[][] rows) => ColumnMatrix.FromRows(rows);

    /// <summary>Every value equal to <paramref name="precision"/> decimal places.</summary>
    public static void AssertClose(double[] expected, double[] actual, int precision)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], precision);
        }
    }
}
