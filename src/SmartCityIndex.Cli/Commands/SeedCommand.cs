using SmartCityIndex.Cli.Portal;
using SmartCityIndex.Infrastructure.Seeding;

namespace SmartCityIndex.Cli.Commands;

/// <summary>
/// <c>sci seed</c>: loads synthetic demo data of a chosen size into a portal database (for trying the portal at the
/// size of a national evaluation, and for measuring it). Never for a production database: the values are made up.
/// </summary>
internal static class SeedCommand
{
    public static Command Create()
    {
        var cities = new Option<int>("--cities")
        {
            Description = "How many cities: the 36 real demo cities, then synthetic ones (SY-0001, SY-0002, ...) up to this number.",
            HelpName = "N",
            DefaultValueFactory = _ => 1000,
        };
        cities.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--cities must be between 1 and 100000.");
            }
        });
        var years = new Option<int>("--years")
        {
            Description = "How many reporting years, ending last year; the latest is open, the others closed and approved.",
            HelpName = "N",
            DefaultValueFactory = _ => 5,
        };
        years.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 30)
            {
                r.AddError("--years must be between 1 and 30.");
            }
        });
        var provider = CommandSupport.ProviderOption();
        var connection = CommandSupport.ConnectionOption("The connection string; a SQLite file is created when missing");

        var command = new Command("seed",
            "Load synthetic demo data into a portal database, after applying any pending migrations: cities, reporting years, " +
            "submissions with values in every status, and the demo accounts (plus official.all@sci.demo, assigned to every " +
            "city). Adds only what is missing, so it can be run again with larger numbers. The values are made up: never " +
            "run it against a production database.")
        {
            cities, years, provider, connection,
        };

        return command.WithAction(async (parseResult, output, _, cancellationToken) =>
        {
            var database = DatabaseTarget.Resolve(
                parseResult.GetValue(provider) ?? Environment.GetEnvironmentVariable(UsersCommand.ProviderVariable),
                parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable(UsersCommand.ConnectionVariable),
                mayCreate: true);
            output.WriteLine(await PortalSeeding.SeedAsync(database, new DemoSize(parseResult.GetValue(cities), parseResult.GetValue(years)), cancellationToken));
            return 0;
        });
    }
}
