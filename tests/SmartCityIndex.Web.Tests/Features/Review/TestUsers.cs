using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.TestSupport;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Tests.Features.Review;

/// <summary>A <see cref="CurrentUser"/> for a signed-in user with one role, as the cookie handler would give it.</summary>
internal static class TestUsers
{
    public static CurrentUser As(TestDatabase database, string userName, string role) =>
        new(new FixedAuthentication(Principal(userName, role)), new ContextFactory(database));

    public static CurrentUser Evaluator(TestDatabase database) => As(database, DemoAccounts.Evaluator, PortalRoles.Evaluator);

    public static CurrentUser Admin(TestDatabase database) => As(database, DemoAccounts.Admin, PortalRoles.Admin);

    public static CurrentUser Official(TestDatabase database) => As(database, DemoAccounts.HangzhouOfficial, PortalRoles.Official);

    private static ClaimsPrincipal Principal(string userName, string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, $"id-{userName}"), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, role)],
        authenticationType: "test"));

    private sealed class FixedAuthentication(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

/// <summary>Keeps what was logged, to check that refusals leave a warning naming the user and the target.</summary>
internal sealed class ListLogger<T> : ILogger<T>
{
    public List<(LogLevel Level, string Message)> Entries { get; } = [];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        lock (Entries)
        {
            Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
