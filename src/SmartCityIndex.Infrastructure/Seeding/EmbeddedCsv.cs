using SmartCityIndex.Domain.Interchange;

namespace SmartCityIndex.Infrastructure.Seeding;

/// <summary>
/// Reads the comma-separated files embedded for seeding through the solution's one CSV reader, <see cref="CsvTable"/>
/// (quoted fields may hold commas, doubled quotes and line breaks), as rows keyed by column name.
/// </summary>
internal static class EmbeddedCsv
{
    public static IReadOnlyList<Dictionary<string, string>> Read(string name)
    {
        using var stream = typeof(EmbeddedCsv).Assembly.GetManifestResourceStream($"SmartCityIndex.Seeding.{name}")
            ?? throw new InvalidOperationException($"The embedded seed file {name} is missing from the build.");
        using var reader = new StreamReader(stream);
        return Read(reader, name);
    }

    /// <summary>The rows of a table, each cell trimmed; a malformed table fails with its file and row.</summary>
    public static IReadOnlyList<Dictionary<string, string>> Read(TextReader reader, string name)
    {
        var table = CsvTable.Read(reader, name);
        return [.. table.Rows.Select(cells => table.Header.Zip(cells).ToDictionary(p => p.First, p => p.Second.Trim(), StringComparer.Ordinal))];
    }
}
