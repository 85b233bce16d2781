using System.Diagnostics;

namespace SmartCityIndex.Cli.Tests.TestSupport;

/// <summary>
/// Runs the built <c>sci</c> as a real process with an environment and standard input of its own, for the commands
/// that read environment variables and standard input (changing the test process's own would leak between tests).
/// </summary>
internal static class SciProcess
{
    /// <summary>Variables the portal and <c>sci users</c> read: cleared in the child unless the test sets them.</summary>
    private static readonly string[] Isolated = ["SCI_PASSWORD", "Database__Provider", "ConnectionStrings__SmartCityIndex"];

    public static CliRun Run(string[] args, IReadOnlyDictionary<string, string>? environment = null, string? standardInput = null)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sci.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in Isolated)
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        if (standardInput is not null)
        {
            process.StandardInput.Write(standardInput);
        }

        process.StandardInput.Close();
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "sci did not finish within a minute");
        return new CliRun(process.ExitCode, output, error.Result);
    }
}
