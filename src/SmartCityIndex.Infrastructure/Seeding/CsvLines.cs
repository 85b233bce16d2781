namespace SmartCityIndex.Infrastructure.Seeding;

/// <summary>Reads the small comma-separated files embedded for seeding (no quoted fields in them).</summary>
internal static class CsvLines
{
    public static IReadOnlyList<Dictionary<string, string>> ReadEmbedded(string name)
    {
        using var stream = typeof(CsvLines).Assembly.GetManifestResourceStream($"SmartCityIndex.Seeding.{name}")
            ?? throw new InvalidOperationException($"The embedded seed file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        var header = (reader.ReadLine() ?? string.Empty).Split(',');
        var rows = new List<Dictionary<string, string>>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split(',');
            if (cells.Length != header.Length)
            {
                throw new InvalidOperationException($"{name}, row {rows.Count + 2}: expected {header.Length} columns, found {cells.Length}.");
            }

            rows.Add(header.Zip(cells).ToDictionary(p => p.First, p => p.Second.Trim()));
        }

        return rows;
    }
}
