using System.Globalization;
using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Domain.Tests.Golden;

/// <summary>COINr's ASEM example: inputs and reference results, read from TestData/coinr-asem.</summary>
internal static class AsemData
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "coinr-asem");

    public static string PathOf(string file) => Path.Combine(Folder, file);

    public static CsvTable Table(string file)
    {
        using var reader = new StreamReader(PathOf(file));
        return CsvTable.Read(reader, file);
    }

    public static IndexStructure Structure() => CoinrFormat.ReadMeta(Table("ASEM_iMeta.csv"));

    public static UnitData Data(IndexStructure structure) => CoinrFormat.ReadData(Table("ASEM_iData.csv"), structure);

    /// <summary>Expected values: uCode → column → value (NaN for NA).</summary>
    public static Dictionary<string, Dictionary<string, double>> Expected(string file)
    {
        var table = Table(file);
        var code = table.RequiredColumn("uCode");
        return table.Rows.ToDictionary(
            r => r[code],
            r => table.Header.Select((h, i) => (h, i)).Where(p => p.i != code && p.h != "uName")
                .ToDictionary(p => p.h, p => CoinrFormat.IsMissing(r[p.i]) ? double.NaN : double.Parse(r[p.i], CultureInfo.InvariantCulture)));
    }
}
