using System.Collections.Concurrent;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Users;

/// <summary>
/// The user administration service as the portal builds it (Identity, the context factory, logging) over a migrated
/// test database with the three roles, two cities (Hangzhou, Shenzhen) and one admin.
/// </summary>
internal sealed class UserAdministrationHarness : IAsyncDisposable
{
    public const string AdminEmail = "admin@test.example";
    public const string Password = "copper kettle meadow 1979";

    private readonly TestDatabase _database;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _circuit;

    private UserAdministrationHarness(TestDatabase database, ServiceProvider services, LogCollector log)
    {
        _database = database;
        _services = services;
        _circuit = services.CreateAsyncScope();
        Log = log;
    }

    /// <summary>The service as a page gets it: from a scope that lives as long as a circuit.</summary>
    public UserAdministrationService Service => _circuit.ServiceProvider.GetRequiredService<UserAdministrationService>();

    /// <summary>Warnings and above that the service logged.</summary>
    public LogCollector Log { get; }

    public Access Admin { get; private set; } = Access.Anonymous;

    public int HangzhouId { get; private set; }

    public int ShenzhenId { get; private set; }

    public static async Task<UserAdministrationHarness> CreateAsync(DatabaseProvider provider, PostgresCluster? cluster)
    {
        var database = await (await TestDatabase.CreateAsync(provider, cluster)).MigrateAsync();
        var collector = new LogCollector();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(collector))
            .AddDbContextFactory<SmartCityIndexDbContext>(options => options.Use(database.Provider, database.ConnectionString))
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IDataProtectionProvider, EphemeralDataProtectionProvider>() // Identity's token providers need one
            .AddSingleton<SessionStore>()
            .AddScoped<UserAdministrationService>();
        services.AddPortalIdentity();
        var harness = new UserAdministrationHarness(database, services.BuildServiceProvider(validateScopes: true), collector);
        await harness.SeedAsync();
        return harness;
    }

    /// <summary>An admin, evaluator or official caller that is not in the database (enough for the access checks).</summary>
    public static Access Caller(string role) => new(Guid.NewGuid().ToString(), $"{role.ToLowerInvariant()}@test.example",
        role == PortalRoles.Admin, role == PortalRoles.Evaluator, role == PortalRoles.Official, new HashSet<int>());

    public SmartCityIndexDbContext CreateContext() => _database.CreateContext();

    /// <summary>The <see cref="CurrentUser"/> of the harness's admin, for components that ask who is there.</summary>
    public CurrentUser CurrentAdmin() => new(
        new FixedAuthenticationState(new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [
                new(System.Security.Claims.ClaimTypes.NameIdentifier, Admin.UserId!),
                new(System.Security.Claims.ClaimTypes.Name, AdminEmail),
                new(System.Security.Claims.ClaimTypes.Role, PortalRoles.Admin),
            ],
            authenticationType: "test"))),
        new ContextFactory(_database));

    /// <summary>Creates an account through the service and returns it as saved.</summary>
    public async Task<PortalUser> CreateUserAsync(string email, string role = PortalRoles.Official, params int[] cityIds)
    {
        var result = await Service.CreateAsync(Admin, new NewUser(email, "Test user", role, cityIds.Length == 0 && role == PortalRoles.Official ? [HangzhouId] : cityIds, Password));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return await FindAsync(email);
    }

    public async Task<PortalUser> FindAsync(string email)
    {
        await using var context = CreateContext();
        return await context.Users.AsNoTracking().Include(u => u.Cities).SingleAsync(u => u.Email == email);
    }

    public async Task<IReadOnlyList<string>> RolesOfAsync(string userId)
    {
        await using var context = CreateContext();
        return await (from userRole in context.UserRoles
                      join role in context.Roles on userRole.RoleId equals role.Id
                      where userRole.UserId == userId
                      select role.Name!).ToListAsync();
    }

    public async Task<bool> CheckPasswordAsync(string email, string password)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        return user is not null && await users.CheckPasswordAsync(user, password);
    }

    /// <summary>Turns two-factor sign-in on for <paramref name="email"/> as its owner would (a key, then on).</summary>
    public async Task TurnOnTwoFactorAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
    }

    /// <summary>The authenticator key of <paramref name="email"/>, or null.</summary>
    public async Task<string?> AuthenticatorKeyAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!);
    }

    /// <summary>The audit entries about accounts, oldest first.</summary>
    public async Task<List<Domain.Auditing.AuditEntry>> UserAuditAsync()
    {
        await using var context = CreateContext();
        return await context.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == UserAdministrationService.AuditEntityType)
            .OrderBy(a => a.Id)
            .ToListAsync();
    }

    /// <summary>Row counts of the tables an account change touches, to show that a refusal wrote nothing.</summary>
    public async Task<(int Users, int UserRoles, int UserCities, int Audit, string Stamps)> CountsAsync()
    {
        await using var context = CreateContext();
        var stamps = string.Join(",", await context.Users.OrderBy(u => u.Id).Select(u => u.SecurityStamp + u.IsDisabled).ToListAsync());
        return (await context.Users.CountAsync(), await context.UserRoles.CountAsync(), await context.UserCities.CountAsync(),
            await context.AuditEntries.CountAsync(), stamps);
    }

    public async ValueTask DisposeAsync()
    {
        await _circuit.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task SeedAsync()
    {
        await using (var context = CreateContext())
        {
            var hangzhou = new City("CN-HZ", "Hangzhou", "杭州", "Zhejiang", "浙江", 11_936_010, CityTier.NewFirst);
            var shenzhen = new City("CN-SZ", "Shenzhen", "深圳", "Guangdong", "广东", 17_560_061, CityTier.First);
            context.Cities.AddRange(hangzhou, shenzhen);
            await context.SaveChangesAsync();
            (HangzhouId, ShenzhenId) = (hangzhou.Id, shenzhen.Id);
        }

        await using var scope = _services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in PortalRoles.All)
        {
            Assert.True((await roles.CreateAsync(new IdentityRole(role))).Succeeded);
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var admin = new PortalUser { UserName = AdminEmail, Email = AdminEmail, DisplayName = "Test admin" };
        Assert.True((await users.CreateAsync(admin, Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(admin, PortalRoles.Admin)).Succeeded);
        Admin = new Access(admin.Id, AdminEmail, IsAdmin: true, IsEvaluator: false, IsOfficial: false, new HashSet<int>());
    }
}

/// <summary>Keeps what was logged at warning level and above, for tests that check a refusal was logged.</summary>
internal sealed class LogCollector : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _messages = new();

    public IReadOnlyCollection<string> Warnings => _messages;

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCollector owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner._messages.Enqueue(formatter(state, exception));
            }
        }
    }
}
