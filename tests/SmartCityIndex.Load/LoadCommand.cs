namespace SmartCityIndex.Load;

/// <summary>
/// <c>dotnet run -c Release --project tests/SmartCityIndex.Load -- first-render|autosave|circuit-memory|score-run PROVIDER CONNECTION [options]</c>
/// on a database seeded with <c>sci seed --cities 1000 --years 5</c>. See docs/performance.md.
/// </summary>
internal static class LoadCommand
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: first-render|autosave|circuit-memory|score-run Sqlite|PostgreSql CONNECTION [--runs N] [--sessions N] [--saves N] [--interval MS] [--pages 50,100] [--only PAGE-KIND-PREFIX]");
            return 2;
        }

        string Option(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;

        await using var portal = new InProcessPortal(args[1], args[2]);
        var address = portal.Start();
        Console.WriteLine($"portal on {address} ({args[1]}), .NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC: {System.Runtime.GCSettings.IsServerGC}");
        switch (args[0])
        {
            case "first-render":
                await FirstRender.RunAsync(address, int.Parse(Option("--runs", "30")));
                break;
            case "autosave":
                await Autosave.RunAsync(portal, int.Parse(Option("--sessions", "200")), int.Parse(Option("--saves", "20")), int.Parse(Option("--interval", "1000")));
                break;
            case "score-run":
                await ScoreRunTiming.RunAsync(portal, int.Parse(Option("--runs", "10")));
                break;
            case "circuit-memory":
                await Autosave.StartAfreshAsync(portal, "CN-HZ"); // Hangzhou's official measures an editable form
                await CircuitMemory.RunAsync(address, [.. Option("--pages", "50,100").Split(',').Select(int.Parse)], Option("--chromium", "/usr/bin/chromium"), Option("--only", null!));
                break;
            default:
                Console.Error.WriteLine($"unknown command {args[0]}");
                return 2;
        }

        return 0;
    }
}
