using Bunit;
using MudBlazor;
using SmartCityIndex.Web.Features.Users;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Users;

/// <summary>
/// The account dialog rendered by bUnit over the real user administration service (Identity on a migrated SQLite
/// database with two cities and one admin, shared by the class; each test creates its own e-mail): the form's own
/// checks in the admin's language, Identity's refusals under their field, and what a save writes.
/// </summary>
public sealed class UserDialogTests : PortalComponentContext, IClassFixture<UserDialogTests.Harness>
{
    private readonly UserAdministrationHarness _users;

    public UserDialogTests(Harness harness)
    {
        _users = harness.Users;
        Services.AddSingleton(_users.Service);
        Services.AddSingleton(_users.CurrentAdmin());
    }

    [Theory]
    [InlineData("en", "Choose at least one city for an official.")]
    [InlineData("zh-Hans", "请为市政官员至少选择一个城市。")]
    public async Task Save_NewOfficialWithoutACity_SaysACityIsNeededAndCreatesNothing(string culture, string message)
    {
        using var _ = new CultureScope(culture);
        var before = await _users.CountsAsync();
        var (provider, dialog) = await ShowAsync(user: null);

        await FillAsync(provider, $"no-city-{culture}@test.example", "Li Wei", UserAdministrationHarness.Password);
        await provider.InvokeAsync(() => provider.Find("[data-testid='user-save']").Click());

        Assert.Contains(message, Field(provider, "user-cities").TextContent);
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(before, await _users.CountsAsync());
    }

    [Fact]
    [UseCulture("en")]
    public async Task Save_NewEvaluator_CreatesTheAccountAndClosesNamingIt()
    {
        var (provider, dialog) = await ShowAsync(user: null);

        await FillAsync(provider, "  new.evaluator@test.example ", "New evaluator", UserAdministrationHarness.Password);
        await provider.InvokeAsync(() => provider.Find($"[data-testid='role-{PortalRoles.Evaluator}']").Click());
        Assert.Empty(provider.FindAll("[data-testid='user-cities']")); // evaluators see every city: nothing to choose
        await provider.InvokeAsync(() => provider.Find("[data-testid='user-save']").Click());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.False(result!.Canceled);
        Assert.Equal("Created the account new.evaluator@test.example.", result.Data);
        var saved = await _users.FindAsync("new.evaluator@test.example");
        Assert.Equal("New evaluator", saved.DisplayName);
        Assert.Equal([PortalRoles.Evaluator], await _users.RolesOfAsync(saved.Id));
        Assert.True(await _users.CheckPasswordAsync("new.evaluator@test.example", UserAdministrationHarness.Password));
    }

    [Theory]
    [InlineData("en", "An account with this e-mail exists already.")]
    [InlineData("zh-Hans", "已有账户使用该电子邮箱。")]
    public async Task Save_EmailOfAnExistingAccount_SaysSoUnderTheEmailAndStaysOpen(string culture, string message)
    {
        using var _ = new CultureScope(culture);
        var before = await _users.CountsAsync();
        var (provider, dialog) = await ShowAsync(user: null);

        await FillAsync(provider, UserAdministrationHarness.AdminEmail, "Second admin", UserAdministrationHarness.Password);
        await provider.InvokeAsync(() => provider.Find($"[data-testid='role-{PortalRoles.Admin}']").Click());
        await provider.InvokeAsync(() => provider.Find("[data-testid='user-save']").Click());

        provider.WaitForAssertion(() => Assert.Contains(message, Field(provider, "user-email").TextContent), TimeSpan.FromSeconds(30));
        Assert.Empty(provider.FindAll("[data-testid='user-errors']"));
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal(before, await _users.CountsAsync());
    }

    [Theory]
    [InlineData("en", "You cannot change your own role; ask another admin.")]
    [InlineData("zh-Hans", "不能修改自己的角色，请联系其他管理员。")]
    public async Task Render_TheAdminsOwnAccount_RoleCannotBeChangedAndTheEmailIsReadOnly(string culture, string note)
    {
        using var _ = new CultureScope(culture);
        var self = new UserRow(_users.Admin.UserId!, UserAdministrationHarness.AdminEmail, "Test admin", PortalRoles.Admin, [], false, null);

        var (provider, _) = await ShowAsync(self);

        Assert.All(provider.FindAll("[data-testid='user-role'] input[type='radio']"), radio => Assert.True(radio.HasAttribute("disabled")));
        Assert.Empty(provider.FindAll("[data-testid='user-password']"));
        Assert.True(provider.Find($"input[value='{UserAdministrationHarness.AdminEmail}']").HasAttribute("readonly"));
        Assert.Contains(note, provider.Find("[data-testid='user-dialog']").TextContent);
    }

    /// <summary>The whole field (input, label, helper or error text) of the input with <paramref name="testId"/>.</summary>
    private static AngleSharp.Dom.IElement Field(IRenderedComponent<MudDialogProvider> provider, string testId) =>
        provider.Find($"[data-testid='{testId}']").Closest(".mud-input-control")!;

    private static async Task FillAsync(IRenderedComponent<MudDialogProvider> provider, string email, string name, string password)
    {
        await provider.InvokeAsync(() => provider.Find("[data-testid='user-email']").Input(email));
        await provider.InvokeAsync(() => provider.Find("[data-testid='user-name']").Input(name));
        await provider.InvokeAsync(() => provider.Find("[data-testid='user-password']").Input(password));
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> ShowAsync(UserRow? user)
    {
        var provider = Render<MudDialogProvider>();
        var cities = await _users.Service.ListCitiesAsync(_users.Admin);
        var parameters = new DialogParameters<UserDialog> { { d => d.User, user }, { d => d.Cities, cities } };
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () => dialog = await Services.GetRequiredService<IDialogService>().ShowAsync<UserDialog>("User", parameters));
        return (provider, dialog!);
    }

    /// <summary>One user administration database for the class.</summary>
    public sealed class Harness : IAsyncLifetime
    {
        internal UserAdministrationHarness Users { get; private set; } = null!;

        public async Task InitializeAsync() => Users = await UserAdministrationHarness.CreateAsync(DatabaseProvider.Sqlite, cluster: null);

        public async Task DisposeAsync() => await Users.DisposeAsync();
    }
}
