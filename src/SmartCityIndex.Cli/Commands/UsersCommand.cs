using SmartCityIndex.Cli.Portal;

namespace SmartCityIndex.Cli.Commands;

/// <summary>
/// <c>sci users add</c>: creates a portal account (typically the first admin, or an official for a new city) directly
/// in the portal's database. The database work lives in <see cref="PortalAccounts"/>, so that building the command
/// tree loads nothing of EF Core and the engine's commands start as fast as before.
/// </summary>
internal static class UsersCommand
{
    public const string PasswordVariable = "SCI_PASSWORD";
    public const string ProviderVariable = "Database__Provider";
    public const string ConnectionVariable = "ConnectionStrings__SmartCityIndex";

    private static readonly string[] Roles = ["Admin", "Evaluator", "Official"];
    private static readonly string[] Providers = ["Sqlite", "PostgreSql"];

    /// <summary>The command with its subcommands.</summary>
    public static Command Create() =>
        new("users", "Manage the portal's accounts in its database (the same database the portal is configured with).")
        {
            AddCommand(),
        };

    private static Command AddCommand()
    {
        var email = new Option<string>("--email") { Description = "The e-mail address, which is also the sign-in name.", HelpName = "EMAIL", Required = true };
        var role = new Option<string>("--role") { Description = "The role: Admin, Evaluator or Official.", HelpName = "ROLE", Required = true };
        role.AcceptOnlyFromAmong(Roles);
        var name = new Option<string?>("--name") { Description = "The display name shown in the portal and the audit trail [default: the e-mail].", HelpName = "NAME" };
        var cities = new Option<string[]>("--city")
        {
            Description = "A city the official enters data for, by code such as CN-HZ; repeat for several. Officials need at least one; other roles none.",
            HelpName = "CODE",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var passwordStdin = new Option<bool>("--password-stdin")
        {
            Description = $"Read the password from the first line of standard input; without this, it is taken from the {PasswordVariable} " +
                "environment variable. It must pass the portal's password policy (12 to 128 characters, not easy to guess).",
        };
        var provider = new Option<string?>("--provider")
        {
            Description = $"The database engine, Sqlite or PostgreSql [default: the {ProviderVariable} environment variable, else Sqlite].",
            HelpName = "PROVIDER",
        };
        provider.AcceptOnlyFromAmong(Providers);
        var connection = new Option<string?>("--connection")
        {
            Description = $"The connection string of the portal's database [default: the {ConnectionVariable} environment variable]. " +
                "Required for SQLite, whose default file lies next to the portal and cannot be found from here.",
            HelpName = "CS",
        };

        var command = new Command("add",
            "Create an account with a role (and, for an official, cities) in the portal's database, after applying any pending " +
            "migrations. The change is recorded in the audit trail as made from the command line. Refused (exit code 2) when the " +
            "e-mail is taken, a city is unknown or the password fails the policy.")
        {
            email, role, name, cities, passwordStdin, provider, connection,
        };

        return command.WithAction(async (parseResult, output, _, cancellationToken) =>
        {
            var request = new NewAccount(
                parseResult.GetValue(email)!.Trim(),
                parseResult.GetValue(name)?.Trim() is { Length: > 0 } displayName ? displayName : parseResult.GetValue(email)!.Trim(),
                parseResult.GetValue(role)!,
                [.. (parseResult.GetValue(cities) ?? []).Select(c => c.Trim().ToUpperInvariant()).Distinct()],
                ReadPassword(parseResult.GetValue(passwordStdin)));
            var database = DatabaseTarget.Resolve(
                parseResult.GetValue(provider) ?? Environment.GetEnvironmentVariable(ProviderVariable),
                parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable(ConnectionVariable));

            var created = await PortalAccounts.AddAsync(database, request, cancellationToken);
            output.WriteLine(created);
            return 0;
        });
    }

    private static string ReadPassword(bool fromStandardInput)
    {
        if (fromStandardInput)
        {
            var line = Console.In.ReadLine();
            return string.IsNullOrEmpty(line)
                ? throw new InputException("--password-stdin was given but standard input was empty: pipe the password in, e.g. with 'printf %s \"$PASSWORD\" | sci users add ...'.")
                : line;
        }

        return Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } password
            ? password
            : throw new InputException($"No password given: pipe it to --password-stdin, or set the {PasswordVariable} environment variable.");
    }
}
