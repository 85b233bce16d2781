using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;
using SmartCityIndex.Cli.Commands;

namespace SmartCityIndex.Cli;

/// <summary>The <c>sci</c> command line, callable in-process (tests) as well as from <c>Program</c>.</summary>
public static class Cli
{
    /// <summary>
    /// The root command and its subcommands. A new command is one file in Commands/ with a <c>Create()</c> method and
    /// one line here.
    /// </summary>
    public static RootCommand CreateRootCommand() =>
        new("sci: score units (cities, regions, countries) on a composite index the way COINr does, derive weights, create the portal's accounts, and back up and restore its database.")
        {
            ScoreCommand.Create(),
            WeightsCommand.Create(),
            SensitivityCommand.Create(),
            UsersCommand.Create(),
            SeedCommand.Create(),
            BackupCommand.CreateBackup(),
            BackupCommand.CreateRestore(),
        };

    /// <summary>
    /// Runs <c>sci</c> with <paramref name="args"/>, writing results and help to <paramref name="output"/> and messages
    /// to <paramref name="error"/>. Returns the exit code: 0 for a good run, 2 for bad input (one readable message on
    /// <paramref name="error"/>).
    /// </summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);

        // The executable runs with invariant globalization; an in-process caller (a test host on a German or Chinese
        // machine) gets the same English messages and dot decimals in help, while the run lasts.
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
        try
        {
            return Invoke(args, output, error);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }

    private static int Invoke(string[] args, TextWriter output, TextWriter error)
    {
        var parseResult = CreateRootCommand().Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            // System.CommandLine's own messages, without the full help text it would print after them.
            foreach (var parseError in parseResult.Errors)
            {
                error.WriteLine(parseError.Message);
            }

            error.WriteLine($"Run '{CommandPath(parseResult.CommandResult)} --help' for the options.");
            return CommandSupport.InputError;
        }

        var code = parseResult.Invoke(new InvocationConfiguration { Output = output, Error = error });
        output.Flush();
        error.Flush();
        return code;
    }

    private static string CommandPath(CommandResult command)
    {
        var path = "sci";
        for (SymbolResult? result = command; result is CommandResult { Command: not RootCommand } c; result = result.Parent)
        {
            path = path.Insert(3, " " + c.Command.Name);
        }

        return path;
    }
}
