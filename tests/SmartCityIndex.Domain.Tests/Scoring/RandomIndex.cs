namespace SmartCityIndex.Domain.Tests.Scoring;

/// <summary>A seeded random index (3 levels) and data set, for property tests.</summary>
internal static class RandomIndex
{
    public static (IndexStructure Structure, UnitData Data) Create(int seed, int units = 40, int pillars = 4, int perPillar = 5, double missingShare = 0.05)
    {
        var random = new Random(seed);
        var nodes = new List<IndexNodeDefinition>();
        for (var p = 0; p < pillars; p++)
        {
            for (var i = 0; i < perPillar; i++)
            {
                nodes.Add(new IndexNodeDefinition($"I{p}{i}", null, 1, $"P{p}", random.Next(4) == 0 ? -1 : 1, 0.5 + random.NextDouble() * 2, IndexNodeType.Indicator));
            }

            nodes.Add(new IndexNodeDefinition($"P{p}", null, 2, "Index", 1, 0.5 + random.NextDouble(), IndexNodeType.Aggregate));
        }

        nodes.Add(new IndexNodeDefinition("Index", null, 3, null, 1, 1, IndexNodeType.Aggregate));
        var structure = IndexStructure.Create(nodes);
        var values = new ColumnMatrix(new double[units * structure.IndicatorCount], units, structure.IndicatorCount);
        for (var j = 0; j < structure.IndicatorCount; j++)
        {
            var scale = Math.Pow(10, random.Next(-1, 4));
            for (var u = 0; u < units; u++)
            {
                values[u, j] = random.NextDouble() < missingShare ? double.NaN : Math.Round(random.NextDouble() * scale, 3);
            }
        }

        var codes = Enumerable.Range(0, units).Select(u => $"U{u:000}").ToArray();
        return (structure, new UnitData(codes, values));
    }

    public static UnitData WithValues(UnitData data, ColumnMatrix values) => new(data.UnitCodes, values, data.UnitNames, data.Groups);
}
