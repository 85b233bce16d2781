using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor.Services;

namespace SmartCityIndex.Web.Tests.Components;

/// <summary>
/// The shared set-up of the portal's bUnit tests: MudBlazor's services, loose JS interop (MudBlazor's own calls
/// answer default values), the portal's resources behind <c>IStringLocalizer&lt;SharedResource&gt;</c>, and a
/// signed-in user on request. xunit 2 disposes synchronously, and MudBlazor's services only asynchronously, so the
/// context disposes through <see cref="IAsyncLifetime"/>.
/// </summary>
public abstract class PortalComponentContext : BunitContext, IAsyncLifetime
{
    protected PortalComponentContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddLocalization(options => options.ResourcesPath = "Resources");
    }

    /// <summary>Signs <paramref name="userName"/> in with <paramref name="roles"/> for the components that ask who is there.</summary>
    protected void SignIn(string userName, params string[] roles)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, $"id-{userName}"), new Claim(ClaimTypes.Name, userName), .. roles.Select(r => new Claim(ClaimTypes.Role, r))],
            authenticationType: "test"));
        Services.AddSingleton<AuthenticationStateProvider>(new Infrastructure.FixedAuthenticationState(principal));
        Services.AddCascadingAuthenticationState();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
