using Microsoft.AspNetCore.Identity;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Users;

/// <summary>Runs the running portal's <see cref="UserAdministrationService"/> as the demo admin, as the page would.</summary>
internal static class AsAdmin
{
    public static async Task<T> RunAsync<T>(IServiceProvider services, Func<UserAdministrationService, Access, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync(DemoAccounts.Admin);
        var access = new Access(admin!.Id, DemoAccounts.Admin, IsAdmin: true, IsEvaluator: false, IsOfficial: false, new HashSet<int>());
        return await work(scope.ServiceProvider.GetRequiredService<UserAdministrationService>(), access);
    }

    /// <summary>Disables the account with that e-mail; fails the test if the service refuses.</summary>
    public static async Task DisableAsync(IServiceProvider services, string email)
    {
        var result = await RunAsync(services, async (users, admin) =>
            await users.DisableAsync(admin, (await users.ListAsync(admin)).Single(u => u.Email == email).Id));
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
