namespace SmartCityIndex.Cli.Tests.TestSupport;

/// <summary>A folder of its own for one test's input and output files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = SmartCityIndex.TestSupport.ScratchDirectory.CreateSubdirectory("sci-tests-");
    }

    public string Path { get; }

    /// <summary>Writes <paramref name="lines"/> to a file in the folder and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        var path = File(name);
        System.IO.File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <summary>The path of a file in the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
