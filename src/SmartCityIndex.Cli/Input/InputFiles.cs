using SmartCityIndex.Domain;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Interchange;
using SmartCityIndex.Domain.Scoring;

namespace SmartCityIndex.Cli.Input;

/// <summary>Reads the input files, naming the file (as the user typed it) in every message.</summary>
internal static class InputFiles
{
    private const int BufferSize = 1 << 16;

    /// <summary>Reads a CSV table; a missing or unreadable file is an <see cref="InputException"/>.</summary>
    public static CsvTable ReadTable(string path)
    {
        if (!File.Exists(path))
        {
            throw new InputException(Directory.Exists(path) ? $"{path}: is a folder, not a file" : $"{path}: file not found");
        }

        try
        {
            using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize);
            return CsvTable.Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InputException($"{path}: cannot read the file ({e.Message})");
        }
    }

    /// <summary>Reads a COINr meta table (iMeta) into an index structure.</summary>
    public static IndexStructure ReadStructure(string metaPath) =>
        Named(metaPath, () => CoinrFormat.ReadMeta(ReadTable(metaPath)));

    /// <summary>Reads a COINr data table (iData) for the indicators of <paramref name="structure"/>.</summary>
    public static UnitData ReadUnits(string dataPath, IndexStructure structure) =>
        Named(dataPath, () => CoinrFormat.ReadData(ReadTable(dataPath), structure));

    /// <summary>
    /// Runs <paramref name="read"/>; a domain message that does not say which file it is about (a duplicate unit code,
    /// an invalid tree) gets the file's name in front.
    /// </summary>
    private static T Named<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DomainException e) when (!e.Message.Contains(path, StringComparison.Ordinal))
        {
            throw new InputException($"{path}: {e.Message}");
        }
    }
}
