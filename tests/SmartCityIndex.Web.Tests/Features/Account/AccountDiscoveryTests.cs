using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Account;

/// <summary>
/// Probe finding 6: the sign-in's answers and work do not tell whether an e-mail has an account, lockout included, and
/// one network address can try only so often. Over the portal's own <see cref="LoginViewModel"/> and seeded database,
/// with a password hasher that counts its work; each test signs in from addresses of its own.
/// </summary>
public sealed class AccountDiscoveryTests(AccountDiscoveryTests.Portal portal) : IClassFixture<AccountDiscoveryTests.Portal>
{
    private const string WrongPassword = "not the right passphrase";

    [Fact]
    public async Task SignIn_SixWrongPasswords_AnUnknownEmailIsAnsweredAsAnAccountIs()
    {
        using var _ = new CultureScope("en");
        var known = new List<string?>();
        var unknown = new List<string?>();

        for (var attempt = 1; attempt <= 6; attempt++)
        {
            known.Add((await SignInAsync(DemoAccounts.GuangdongOfficial, WrongPassword, "198.51.100.1")).Error);
            unknown.Add((await SignInAsync("no.such.official@sci.demo", WrongPassword, "198.51.100.2")).Error);
        }

        Assert.Equal(known, unknown);
        Assert.Equal("The e-mail or password is not correct.", known[0]);
        Assert.Equal("Too many failed attempts: this account is locked for 15 minutes. An administrator can unlock it sooner.", known[5]);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_HashesOnePasswordAsAWrongPasswordDoes()
    {
        var before = portal.Hashes;
        await SignInAsync(DemoAccounts.Evaluator, WrongPassword, "198.51.100.3");
        var forAccount = portal.Hashes - before;

        before = portal.Hashes;
        await SignInAsync("nobody.at.all@sci.demo", WrongPassword, "198.51.100.4");
        var forNobody = portal.Hashes - before;

        Assert.Equal(1, forAccount);
        Assert.Equal(forAccount, forNobody);
    }

    [Theory]
    [InlineData("en", "Too many failed sign-ins from your network: try again in 15 min.")]
    [InlineData("zh-Hans", "您所在网络的登录失败次数过多，请 15 分钟后再试。")]
    public async Task SignIn_TwentyFailuresFromOneAddress_ItWaitsEvenWithTheRightPasswordWhileOthersSignIn(string culture, string message)
    {
        using var _ = new CultureScope(culture);
        var address = culture == "en" ? "198.51.100.5" : "198.51.100.6";
        for (var guess = 1; guess <= SignInThrottle.MaxFailuresPerAddress; guess++)
        {
            await SignInAsync($"guess{guess}@sci.demo", WrongPassword, address); // 20 e-mails, none locked by itself
        }

        var hashes = portal.Hashes;
        var blocked = await SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, address);
        var elsewhere = await SignInAsync(DemoAccounts.Admin, DemoAccounts.Password, "198.51.100.7");

        Assert.Equal(new LoginOutcome(Error: message), blocked);
        Assert.Equal(hashes + 1, portal.Hashes); // refused without trying the password; the other address's sign-in hashed
        Assert.NotNull(elsewhere.RedirectTo);
    }

    private async Task<LoginOutcome> SignInAsync(string email, string password, string address)
    {
        await using var scope = portal.Factory.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;
        return await scope.ServiceProvider.GetRequiredService<LoginViewModel>().SignInAsync(email, password, null, IPAddress.Parse(address));
    }

    /// <summary>The seeded portal, its password hasher counting the passwords it checks.</summary>
    public sealed class Portal : IAsyncLifetime
    {
        private TestDatabase? _database;
        private int _hashes;

        public PortalFactory Factory { get; private set; } = null!;

        public int Hashes => Volatile.Read(ref _hashes);

        public async Task InitializeAsync()
        {
            _database = await SeededTemplates.CopyAsync(DatabaseProvider.Sqlite, null);
            Factory = new PortalFactory(_database, services: s => s.AddScoped<IPasswordHasher<PortalUser>>(provider =>
                new CountingHasher(ActivatorUtilities.CreateInstance<PasswordHasher<PortalUser>>(provider), () => Interlocked.Increment(ref _hashes))));
        }

        public async Task DisposeAsync()
        {
            await Factory.DisposeAsync();
            await _database!.DisposeAsync();
        }
    }

    private sealed class CountingHasher(IPasswordHasher<PortalUser> inner, Action counted) : IPasswordHasher<PortalUser>
    {
        public string HashPassword(PortalUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
        {
            counted();
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
