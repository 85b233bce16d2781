namespace SmartCityIndex.Cli.Tests.TestSupport;

/// <summary>What one in-process run of <c>sci</c> returned and wrote.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error);

/// <summary>Runs <c>sci</c> in-process through <see cref="Cli.Run"/>, capturing standard output and error.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Cli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Runs <c>sci score</c> on the ASEM data with extra <paramref name="options"/>.</summary>
    public static CliRun ScoreAsem(params string[] options) =>
        Run(["score", "--data", AsemFiles.Data, "--meta", AsemFiles.Meta, .. options]);
}
