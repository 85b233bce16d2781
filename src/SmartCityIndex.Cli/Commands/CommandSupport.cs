using System.CommandLine.Parsing;
using SmartCityIndex.Domain;

namespace SmartCityIndex.Cli.Commands;

/// <summary>What every command shares: how options are declared, and how a run turns bad input into exit code 2.</summary>
internal static class CommandSupport
{
    /// <summary>The exit code of a run refused for its input: one message on standard error.</summary>
    public const int InputError = 2;

    /// <summary>A required option naming an input file.</summary>
    public static Option<string> FileOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "FILE",
        Required = true,
    };

    /// <summary>An optional option naming an output file.</summary>
    public static Option<string?> OutputOption(string description) => new("--out", "-o")
    {
        Description = description,
        HelpName = "FILE",
    };

    /// <summary>An option taking one of <paramref name="values"/>, <paramref name="defaultValue"/> when left out.</summary>
    public static Option<string> Choice(string name, string description, string defaultValue, params string[] values)
    {
        var option = new Option<string>(name)
        {
            Description = description,
            DefaultValueFactory = _ => defaultValue,
        };
        option.AcceptOnlyFromAmong(values);
        return option;
    }

    /// <summary>A number option read with a dot for decimals whatever the culture.</summary>
    public static Option<double> Number(string name, string helpName, string description, double defaultValue) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
            if (OptionValues.TryNumber(text, out var value))
            {
                return value;
            }

            result.AddError($"{name} must be a number with a dot for decimals, such as 0.5 (got '{text}').");
            return default;
        },
    };

    /// <summary>Adds a check of an option's text that reports <paramref name="validate"/>'s error as a parse error.</summary>
    public static Option<string> Validated(this Option<string> option, Func<string, string?> validate)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } text && validate(text) is { } error)
            {
                result.AddError(error);
            }
        });
        return option;
    }

    /// <summary>The database commands' <c>--provider</c>: Sqlite or PostgreSql, else the portal's environment variable.</summary>
    public static Option<string?> ProviderOption()
    {
        var provider = new Option<string?>("--provider")
        {
            Description = $"The database engine, Sqlite or PostgreSql [default: the {UsersCommand.ProviderVariable} environment variable, else Sqlite].",
            HelpName = "PROVIDER",
        };
        provider.AcceptOnlyFromAmong("Sqlite", "PostgreSql");
        return provider;
    }

    /// <summary>The database commands' <c>--connection</c>, with what it means for the command.</summary>
    public static Option<string?> ConnectionOption(string description) => new("--connection")
    {
        Description = $"{description} [default: the {UsersCommand.ConnectionVariable} environment variable].",
        HelpName = "CS",
    };

    /// <summary>
    /// Sets the command's action: <paramref name="run"/> gets the parse result, standard output and standard error;
    /// a <see cref="DomainException"/> or <see cref="InputException"/> becomes its message on standard error and exit
    /// code 2.
    /// </summary>
    public static Command WithAction(this Command command, Func<ParseResult, TextWriter, TextWriter, int> run)
    {
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                return run(parseResult, output, error);
            }
            catch (Exception e) when (e is DomainException or InputException)
            {
                error.WriteLine(e.Message);
                return InputError;
            }
        });
        return command;
    }

    /// <summary>The same for a command that works asynchronously (the database commands).</summary>
    public static Command WithAction(this Command command, Func<ParseResult, TextWriter, TextWriter, CancellationToken, Task<int>> run)
    {
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            try
            {
                return await run(parseResult, output, error, cancellationToken);
            }
            catch (Exception e) when (e is DomainException or InputException)
            {
                await error.WriteLineAsync(e.Message);
                return InputError;
            }
        });
        return command;
    }
}
