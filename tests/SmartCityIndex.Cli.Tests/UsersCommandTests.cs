using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.TestSupport;

namespace SmartCityIndex.Cli.Tests;

/// <summary><c>sci users add</c> as a real process, on a real portal database; the account is checked with the portal's Identity.</summary>
[Collection(PostgresCollection.Name)]
public sealed class UsersCommandTests(PostgresFixture postgres)
{
    private const string Password = "copper kettle meadow 1979";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UsersAdd_OfficialWithPasswordFromEnvironment_CreatesAnAccountThatCanSignIn(DatabaseProvider provider)
    {
        await using var database = await PortalDatabaseAsync(provider);

        var run = SciProcess.Run(
            ["users", "add", "--email", "li.na@hz.example", "--name", "Li Na", "--role", "Official", "--city", "CN-HZ", "--provider", provider.ToString()],
            new Dictionary<string, string> { ["SCI_PASSWORD"] = Password, ["ConnectionStrings__SmartCityIndex"] = database.ConnectionString });

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Equal("Created the Official account li.na@hz.example for CN-HZ.", run.Output.Trim());
        await using var portal = Identity(database);
        var (user, users) = await portal.FindAsync("li.na@hz.example");
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.Equal("Li Na", user.DisplayName);
        Assert.Equal([PortalRoles.Official], await users.GetRolesAsync(user));
        await using var context = database.CreateContext();
        Assert.Equal(["CN-HZ"], await context.UserCities.Where(c => c.UserId == user.Id).Join(context.Cities, c => c.CityId, c => c.Id, (_, c) => c.Code).ToListAsync());
        var audit = await context.AuditEntries.SingleAsync(a => a.EntityType == "User");
        Assert.Equal(("Created", user.Id, AuditChannel.Cli), (audit.Action, audit.EntityId, audit.Channel));
        Assert.StartsWith("cli:", audit.UserName);
        Assert.DoesNotContain(Password, audit.NewValues);
    }

    [Fact]
    public async Task UsersAdd_PasswordFromStandardInput_CreatesAnAdminThatCanSignIn()
    {
        await using var database = await PortalDatabaseAsync(DatabaseProvider.Sqlite);

        var run = SciProcess.Run(["users", "add", "--email", "root@sci.example", "--role", "Admin", "--password-stdin", "--connection", database.ConnectionString],
            standardInput: Password + "\n");

        Assert.True(run.ExitCode == 0, run.Error);
        await using var portal = Identity(database);
        var (user, users) = await portal.FindAsync("root@sci.example");
        Assert.True(await users.CheckPasswordAsync(user, Password));
        Assert.Equal("root@sci.example", user.DisplayName);
        Assert.Equal([PortalRoles.Admin], await users.GetRolesAsync(user));
    }

    [Fact]
    public async Task UsersAdd_EmailTaken_ExitsTwoWithAMessageAndKeepsTheFirstAccount()
    {
        await using var database = await PortalDatabaseAsync(DatabaseProvider.Sqlite);
        var first = AddEvaluator(database, "eva@sci.example", Password);

        var second = AddEvaluator(database, "EVA@sci.example", "another quite different passphrase");

        Assert.Equal(0, first.ExitCode);
        AssertRefused(second, "A user with the e-mail EVA@sci.example exists already.");
        await using var portal = Identity(database);
        var (user, users) = await portal.FindAsync("eva@sci.example");
        Assert.True(await users.CheckPasswordAsync(user, Password));
    }

    [Theory]
    [InlineData("password1234", "The password was refused: This password is too easy to guess")]
    [InlineData("short one", "The password was refused: Passwords must be at least 12 characters.")]
    public async Task UsersAdd_PasswordFailsThePolicy_ExitsTwoWithThePolicyMessageAndWritesNothing(string password, string message)
    {
        await using var database = await PortalDatabaseAsync(DatabaseProvider.Sqlite);

        var run = AddEvaluator(database, "weak@sci.example", password);

        AssertRefused(run, message);
        await using var context = database.CreateContext();
        Assert.Equal(0, await context.Users.CountAsync());
        Assert.Equal(0, await context.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task UsersAdd_NoPassword_ExitsTwoAndSaysHowToGiveOne()
    {
        await using var database = await PortalDatabaseAsync(DatabaseProvider.Sqlite);

        var run = SciProcess.Run(["users", "add", "--email", "nopass@sci.example", "--role", "Evaluator", "--connection", database.ConnectionString]);

        AssertRefused(run, "No password given", "--password-stdin", "SCI_PASSWORD");
    }

    [Fact]
    public void UsersAdd_PasswordStdinButNothingPiped_ExitsTwo()
    {
        var run = SciProcess.Run(["users", "add", "--email", "x@sci.example", "--role", "Evaluator", "--password-stdin"], standardInput: "");

        AssertRefused(run, "--password-stdin was given but standard input was empty");
    }

    [Fact]
    public void UsersAdd_SqliteWithoutConnection_ExitsTwoAndAsksForTheFile()
    {
        var run = SciProcess.Run(["users", "add", "--email", "x@sci.example", "--role", "Evaluator"],
            new Dictionary<string, string> { ["SCI_PASSWORD"] = Password });

        AssertRefused(run, "--connection is required for SQLite", "cannot find");
    }

    [Fact]
    public void UsersAdd_SqliteFileMissing_ExitsTwoWithoutCreatingIt()
    {
        var file = Path.Combine(Path.GetTempPath(), $"sci-missing-{Guid.NewGuid():N}.db");

        var run = SciProcess.Run(["users", "add", "--email", "x@sci.example", "--role", "Evaluator", "--connection", $"Data Source={file}"],
            new Dictionary<string, string> { ["SCI_PASSWORD"] = Password });

        AssertRefused(run, $"The SQLite database {file} does not exist");
        Assert.False(File.Exists(file));
    }

    [Theory]
    [InlineData("Official", "", "An official needs at least one city")]
    [InlineData("Official", "CN-XX", "Unknown city code CN-XX")]
    [InlineData("Evaluator", "CN-HZ", "--city is for officials only")]
    public async Task UsersAdd_CitiesThatDoNotFitTheRole_ExitsTwo(string role, string city, string message)
    {
        await using var database = await PortalDatabaseAsync(DatabaseProvider.Sqlite);
        string[] cityOption = city.Length > 0 ? ["--city", city] : [];

        var run = SciProcess.Run(["users", "add", "--email", "c@sci.example", "--role", role, .. cityOption, "--connection", database.ConnectionString],
            new Dictionary<string, string> { ["SCI_PASSWORD"] = Password });

        AssertRefused(run, message);
    }

    [Fact]
    public void UsersAdd_UnknownRole_ExitsTwoListingTheRoles()
    {
        var run = CliRunner.Run("users", "add", "--email", "x@sci.example", "--role", "Mayor");

        AssertRefused(run, "'Mayor'", "Admin", "Evaluator", "Official");
    }

    [Fact]
    public void Help_UsersAdd_DescribesEveryOptionAndWhereTheDefaultsComeFrom()
    {
        var run = CliRunner.Run("users", "add", "--help");

        Assert.Equal(0, run.ExitCode);
        foreach (var text in new[] { "--email", "--role", "--name", "--city", "--password-stdin", "SCI_PASSWORD", "--provider", "Database__Provider", "--connection", "ConnectionStrings__SmartCityIndex" })
        {
            Assert.Contains(text, run.Output, StringComparison.Ordinal);
        }
    }

    private static void AssertRefused(CliRun run, params string[] fragments)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Output);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, run.Error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("   at ", run.Error, StringComparison.Ordinal); // no stack trace
    }

    private static CliRun AddEvaluator(TestDatabase database, string email, string password) =>
        SciProcess.Run(["users", "add", "--email", email, "--role", "Evaluator", "--connection", database.ConnectionString],
            new Dictionary<string, string> { ["SCI_PASSWORD"] = password });

    /// <summary>A portal database with the schema and one city (Hangzhou), as the portal leaves it before any account exists.</summary>
    private async Task<TestDatabase> PortalDatabaseAsync(DatabaseProvider provider)
    {
        var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        await using var context = database.CreateContext();
        context.Cities.Add(new City("CN-HZ", "Hangzhou", "杭州", "Zhejiang", "浙江", 11_936_010, CityTier.NewFirst));
        await context.SaveChangesAsync();
        return database;
    }

    private static PortalIdentity Identity(TestDatabase database)
    {
        var services = new ServiceCollection()
            .AddLogging()
            .AddDbContextFactory<SmartCityIndexDbContext>(options => options.Use(database.Provider, database.ConnectionString))
            .AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>();
        services.AddPortalIdentity();
        return new PortalIdentity(services.BuildServiceProvider());
    }

    /// <summary>The portal's Identity over the test database, to check what <c>sci</c> created.</summary>
    private sealed class PortalIdentity(ServiceProvider services) : IAsyncDisposable
    {
        private readonly AsyncServiceScope _scope = services.CreateAsyncScope();

        public async Task<(PortalUser User, UserManager<PortalUser> Users)> FindAsync(string email)
        {
            var users = _scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            return (user, users);
        }

        public async ValueTask DisposeAsync()
        {
            await _scope.DisposeAsync();
            await services.DisposeAsync();
        }
    }
}
