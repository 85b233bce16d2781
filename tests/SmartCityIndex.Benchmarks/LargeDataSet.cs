using System.Globalization;
using System.Text;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Numerics;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Benchmarks;

/// <summary>
/// The seeded synthetic data set of the performance targets: 1000 units × 200 indicators in 3 groups (pillars) under
/// one index, 2% missing values, a quarter of the indicators lower-is-better. Same seed, same data, on every machine.
/// </summary>
public static class LargeDataSet
{
    public const int Units = 1000;
    public const int Indicators = 200;
    public const int Groups = 3;

    public static (IndexStructure Structure, UnitData Data) Create(int seed = 20261123, int units = Units, int indicators = Indicators)
    {
        var random = new Random(seed);
        var nodes = new List<IndexNodeDefinition>(indicators + Groups + 1);
        for (var j = 0; j < indicators; j++)
        {
            nodes.Add(new IndexNodeDefinition($"X{j:000}", null, 1, $"G{j % Groups}", j % 4 == 3 ? -1 : 1, 1 + random.Next(3), IndexNodeType.Indicator));
        }

        for (var g = 0; g < Groups; g++)
        {
            nodes.Add(new IndexNodeDefinition($"G{g}", null, 2, "Index", 1, 1, IndexNodeType.Aggregate));
        }

        nodes.Add(new IndexNodeDefinition("Index", null, 3, null, 1, 1, IndexNodeType.Aggregate));
        var structure = IndexStructure.Create(nodes);

        var values = new ColumnMatrix(new double[units * indicators], units, indicators);
        for (var j = 0; j < indicators; j++)
        {
            var scale = Math.Pow(10, random.Next(0, 5));
            for (var u = 0; u < units; u++)
            {
                values[u, j] = random.NextDouble() < 0.02 ? double.NaN : Math.Round(random.NextDouble() * scale, 4);
            }
        }

        var codes = Enumerable.Range(0, units).Select(u => $"U{u:0000}").ToArray();
        return (structure, new UnitData(codes, values));
    }

    /// <summary>Writes the data set as COINr-style data and meta CSV files, for timing <c>sci score</c> as a whole process.</summary>
    public static void WriteCsv(string folder)
    {
        Directory.CreateDirectory(folder);
        var (structure, data) = Create();
        var meta = new StringBuilder("iCode,iName,Level,Parent,Direction,Weight,Type\n");
        foreach (var node in structure.Nodes)
        {
            meta.Append(CultureInfo.InvariantCulture, $"{node.Code},{node.Code},{node.Level},{node.Parent ?? "NA"},{node.Direction},{node.Weight},{node.Type}\n");
        }

        File.WriteAllText(Path.Combine(folder, "large_meta.csv"), meta.ToString());
        using var writer = new StreamWriter(Path.Combine(folder, "large_data.csv"));
        writer.Write("uCode");
        for (var j = 0; j < structure.IndicatorCount; j++)
        {
            writer.Write(',');
            writer.Write(structure.Nodes[j].Code);
        }

        writer.Write('\n');
        for (var u = 0; u < data.UnitCount; u++)
        {
            writer.Write(data.UnitCodes[u]);
            for (var j = 0; j < structure.IndicatorCount; j++)
            {
                writer.Write(',');
                var v = data.Values[u, j];
                writer.Write(double.IsNaN(v) ? "NA" : v.ToString("R", CultureInfo.InvariantCulture));
            }

            writer.Write('\n');
        }
    }
}
