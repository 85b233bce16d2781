using SmartCityIndex.Cli.Portal;

namespace SmartCityIndex.Cli.Commands;

/// <summary>
/// <c>sci backup</c> and <c>sci restore</c>: the portal's database to one file, and that file into a new, empty
/// database (<see cref="PortalBackup"/>).
/// </summary>
internal static class BackupCommand
{
    public static Command CreateBackup()
    {
        var (provider, connection) = DatabaseOptions();
        var to = new Option<string>("--to") { Description = "The backup file to write; it must not exist yet.", HelpName = "FILE", Required = true };
        var command = new Command("backup",
            "Copy the whole portal database (values, submissions, score runs, the audit trail, accounts) to one file, while the " +
            "portal runs: SQLite through its online backup API, PostgreSQL with pg_dump (custom format; the PostgreSQL client " +
            "tools must be installed). Prints how many values, runs and audit entries it holds.")
        {
            provider, connection, to,
        };
        return command.WithAction(async (parseResult, output, _, cancellationToken) =>
        {
            output.WriteLine(await PortalBackup.BackupAsync(Resolve(parseResult, provider, connection), parseResult.GetValue(to)!, cancellationToken));
            return 0;
        });
    }

    public static Command CreateRestore()
    {
        var (provider, connection) = DatabaseOptions();
        var from = new Option<string>("--from") { Description = "The backup file that sci backup wrote.", HelpName = "FILE", Required = true };
        var command = new Command("restore",
            "Restore a backup made by sci backup into a new, empty database (refused when it holds any table), then point the " +
            "portal at it. PostgreSQL: create the empty database first (createdb); pg_restore must be installed.")
        {
            provider, connection, from,
        };
        return command.WithAction(async (parseResult, output, _, cancellationToken) =>
        {
            output.WriteLine(await PortalBackup.RestoreAsync(Resolve(parseResult, provider, connection, mayCreate: true), parseResult.GetValue(from)!, cancellationToken));
            return 0;
        });
    }

    private static (Option<string?> Provider, Option<string?> Connection) DatabaseOptions() =>
        (CommandSupport.ProviderOption(), CommandSupport.ConnectionOption("The connection string of the portal's database"));

    private static DatabaseTarget Resolve(ParseResult parseResult, Option<string?> provider, Option<string?> connection, bool mayCreate = false) =>
        DatabaseTarget.Resolve(
            parseResult.GetValue(provider) ?? Environment.GetEnvironmentVariable(UsersCommand.ProviderVariable),
            parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable(UsersCommand.ConnectionVariable),
            mayCreate);
}
