using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>A signed-in principal for service tests, without a browser: the same claims the sign-in puts in the cookie.</summary>
internal sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
}

/// <summary>The <see cref="CurrentUser"/> a feature service gets, for service tests.</summary>
internal static class TestUsers
{
    /// <summary>The <see cref="CurrentUser"/> of the demo account <paramref name="email"/>, as stored in the database.</summary>
    public static async Task<CurrentUser> CurrentAsync(IDbContextFactory<SmartCityIndexDbContext> contexts, string email)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var user = await context.Users.SingleAsync(u => u.Email == email);
        var roles = await context.UserRoles.Where(r => r.UserId == user.Id)
            .Join(context.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        return new CurrentUser(new FixedAuthenticationState(Principal(user.Id, email, roles)), contexts);
    }

    /// <summary>A user with one role and no stored account (nor cities), for scenes built without the demo accounts.</summary>
    public static CurrentUser As(TestDatabase database, string userName, string role) =>
        new(new FixedAuthenticationState(Principal($"id-{userName}", userName, [role])), new ContextFactory(database));

    public static CurrentUser Evaluator(TestDatabase database) => As(database, DemoAccounts.Evaluator, PortalRoles.Evaluator);

    public static CurrentUser Admin(TestDatabase database) => As(database, DemoAccounts.Admin, PortalRoles.Admin);

    public static CurrentUser Official(TestDatabase database) => As(database, DemoAccounts.HangzhouOfficial, PortalRoles.Official);

    private static ClaimsPrincipal Principal(string id, string name, IEnumerable<string> roles) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
        authenticationType: "test"));
}
