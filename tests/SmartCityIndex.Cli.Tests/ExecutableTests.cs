using System.Diagnostics;

namespace SmartCityIndex.Cli.Tests;

/// <summary>The built <c>sci</c> as a real process: its entry point, exit codes and streams.</summary>
public sealed class ExecutableTests
{
    private static (int ExitCode, string Output, string Error) RunSci(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sci.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "sci did not finish within a minute");
        return (process.ExitCode, output, error.Result);
    }

    [Fact]
    public void Sci_ScoreAsem_WritesTheSameTableAsInProcess()
    {
        var (code, output, error) = RunSci("score", "--data", AsemFiles.Data, "--meta", AsemFiles.Meta, "--range", "1,100", "--aggregate", "geometric");

        Assert.True(code == 0, error);
        Assert.Equal(CliRunner.ScoreAsem("--range", "1,100", "--aggregate", "geometric").Output, output);
    }

    [Fact]
    public void Sci_MissingFile_ExitsTwoWithMessageOnStandardError()
    {
        var (code, output, error) = RunSci("score", "--data", "D.csv", "--meta", AsemFiles.Meta);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("D.csv: file not found", error.Trim());
    }
}
