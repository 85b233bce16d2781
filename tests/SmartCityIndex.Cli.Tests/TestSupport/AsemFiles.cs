using System.Globalization;
using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Cli.Tests.TestSupport;

/// <summary>COINr's ASEM example (51 countries, 49 indicators) and its reference results, in TestData/coinr-asem.</summary>
internal static class AsemFiles
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "coinr-asem");

    public static string Data => PathOf("ASEM_iData.csv");

    public static string Meta => PathOf("ASEM_iMeta.csv");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    /// <summary>A CSV table (a file, or the text a command wrote) as uCode → column → cell.</summary>
    public static Dictionary<string, Dictionary<string, string>> ByUnit(string csv, string source)
    {
        using var reader = new StringReader(csv);
        var table = CsvTable.Read(reader, source);
        var code = table.RequiredColumn("uCode");
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var c = 0; c < table.Header.Length; c++)
            {
                cells[table.Header[c]] = row[c];
            }

            rows.Add(row[code], cells);
        }

        return rows;
    }

    /// <summary>A reference file of COINr's results as uCode → column → cell.</summary>
    public static Dictionary<string, Dictionary<string, string>> Reference(string file) =>
        ByUnit(File.ReadAllText(PathOf(file)), file);

    /// <summary>Reads a number cell; empty or NA is NaN.</summary>
    public static double Number(string cell) =>
        CoinrFormat.IsMissing(cell) ? double.NaN : double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);
}
