namespace SmartCityIndex.TestSupport;

/// <summary>
/// Where the tests keep their throwaway databases: the memory-backed <c>/dev/shm</c> where there is one (Linux), else
/// the temporary folder. SQLite syncs every commit to disk; a few dozen test databases at once on a disk made the
/// suite wait on the disk rather than on its two cores.
/// </summary>
public static class ScratchDirectory
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var shm = Environment.GetEnvironmentVariable("SCI_TEST_SCRATCH") ?? "/dev/shm";
        try
        {
            var probe = System.IO.Path.Combine(shm, $"sci-probe-{Guid.NewGuid():N}");
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return shm;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return System.IO.Path.GetTempPath();
        }
    });

    /// <summary>The folder itself.</summary>
    public static string Path => Root.Value;

    /// <summary>A new, empty subfolder named <paramref name="prefix"/> and a random suffix.</summary>
    public static string CreateSubdirectory(string prefix) =>
        Directory.CreateDirectory(System.IO.Path.Combine(Path, $"{prefix}{Guid.NewGuid():N}")).FullName;
}
