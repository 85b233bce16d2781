using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace SmartCityIndex.Web.Tests.Infrastructure;

/// <summary>A scope of the portal's own container, signed in as a demo account the way a circuit is.</summary>
public static class SignedInScope
{
    public static async Task<AsyncServiceScope> CreateAsync(IServiceProvider services, string email)
    {
        var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var principal = await PrincipalAsync(scope.ServiceProvider, email);
        ((IHostEnvironmentAuthenticationStateProvider)scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>())
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        return scope;
    }

    public static async Task<ClaimsPrincipal> PrincipalAsync(IServiceProvider services, string email)
    {
        var users = services.GetRequiredService<SignInManager<PortalUser>>();
        var user = await users.UserManager.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no demo account {email}");
        return await users.CreateUserPrincipalAsync(user);
    }
}
