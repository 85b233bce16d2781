using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using SmartCityIndex.Infrastructure.Identity;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>A signed-in principal for service tests, without a browser: the same claims the sign-in puts in the cookie.</summary>
internal sealed class FixedAuthenticationState(ClaimsPrincipal user) : AuthenticationStateProvider
{
    public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
}

internal static class TestUsers
{
    /// <summary>The <see cref="CurrentUser"/> of the demo account <paramref name="email"/>, as stored in the database.</summary>
    public static async Task<CurrentUser> CurrentAsync(IDbContextFactory<SmartCityIndexDbContext> contexts, string email)
    {
        await using var context = await contexts.CreateDbContextAsync();
        var user = await context.Users.SingleAsync(u => u.Email == email);
        var roles = await context.UserRoles.Where(r => r.UserId == user.Id)
            .Join(context.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, email), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            "Test");
        return new CurrentUser(new FixedAuthenticationState(new ClaimsPrincipal(identity)), contexts);
    }
}
