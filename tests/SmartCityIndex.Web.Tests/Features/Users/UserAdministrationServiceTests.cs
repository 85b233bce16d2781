using System.Text.Json;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Web.Features.Account;
using SmartCityIndex.Web.Features.Users;

namespace SmartCityIndex.Web.Tests.Features.Users;

public sealed class UserAdministrationServiceTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private Task<UserAdministrationHarness> HarnessAsync(DatabaseProvider provider) => UserAdministrationHarness.CreateAsync(provider, postgres.Cluster);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_OfficialWithCities_SavesRoleCitiesAndOneAuditEntry(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);

        var result = await harness.Service.CreateAsync(harness.Admin,
            new NewUser(" li.wei@hz.example ", "Li Wei", PortalRoles.Official, [harness.HangzhouId, harness.ShenzhenId], UserAdministrationHarness.Password));

        Assert.True(result.Succeeded);
        var user = await harness.FindAsync("li.wei@hz.example");
        Assert.Equal("Li Wei", user.DisplayName);
        Assert.False(user.IsDisabled);
        Assert.Equal([PortalRoles.Official], await harness.RolesOfAsync(user.Id));
        Assert.Equal([harness.HangzhouId, harness.ShenzhenId], user.Cities.Select(c => c.CityId).Order());
        Assert.True(await harness.CheckPasswordAsync("li.wei@hz.example", UserAdministrationHarness.Password));
        var audit = Assert.Single(await harness.UserAuditAsync());
        Assert.Equal(("Created", user.Id, UserAdministrationHarness.AdminEmail, AuditChannel.Form), (audit.Action, audit.EntityId, audit.UserName, audit.Channel));
        Assert.Null(audit.OldValues);
        using var created = JsonDocument.Parse(audit.NewValues!);
        Assert.Equal(PortalRoles.Official, created.RootElement.GetProperty("Role").GetString());
        Assert.Equal(["CN-HZ", "CN-SZ"], created.RootElement.GetProperty("Cities").EnumerateArray().Select(c => c.GetString()));
        Assert.DoesNotContain(UserAdministrationHarness.Password, audit.NewValues);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_EvaluatorWithCities_IgnoresTheCities(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);

        var user = await harness.CreateUserAsync("eva@test.example", PortalRoles.Evaluator, harness.HangzhouId);

        Assert.Empty(user.Cities);
        Assert.Equal([PortalRoles.Evaluator], await harness.RolesOfAsync(user.Id));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "short words", "PasswordTooShort", "Passwords must be at least 12 characters.")]
    [InlineData(DatabaseProvider.PostgreSql, "short words", "PasswordTooShort", "Passwords must be at least 12 characters.")]
    [InlineData(DatabaseProvider.Sqlite, "🔑🐉🌋🎻🧭🪁", "PasswordTooShort", "Passwords must be at least 12 characters.")] // 12 UTF-16 units, 6 characters
    [InlineData(DatabaseProvider.Sqlite, "password1234", "PasswordTooCommon", "This password is too easy to guess")]
    [InlineData(DatabaseProvider.PostgreSql, "password1234", "PasswordTooCommon", "This password is too easy to guess")]
    [InlineData(DatabaseProvider.Sqlite, "qwertyuiopasdf", "PasswordTooCommon", "This password is too easy to guess")]
    public async Task CreateAsync_PasswordRefusedByPolicy_ReturnsThePolicyMessageAndWritesNothing(DatabaseProvider provider, string password,
        string code, string message)
    {
        await using var harness = await HarnessAsync(provider);
        var before = await harness.CountsAsync();

        var result = await harness.Service.CreateAsync(harness.Admin,
            new NewUser("weak@test.example", "Weak", PortalRoles.Official, [harness.HangzhouId], password));

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal(code, error.Code);
        Assert.StartsWith(message, error.Description);
        Assert.Equal(before, await harness.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task CreateAsync_EmailTaken_RefusedAndWritesNothing(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        await harness.CreateUserAsync("taken@test.example");
        var before = await harness.CountsAsync();

        var result = await harness.Service.CreateAsync(harness.Admin,
            new NewUser("TAKEN@test.example", "Again", PortalRoles.Evaluator, [], UserAdministrationHarness.Password));

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "DuplicateEmail");
        Assert.Equal(before, await harness.CountsAsync());
    }

    [Fact]
    public async Task CreateAsync_OfficialWithoutCity_Refused()
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);

        var result = await harness.Service.CreateAsync(harness.Admin,
            new NewUser("nocity@test.example", "No city", PortalRoles.Official, [], UserAdministrationHarness.Password));

        Assert.Equal("OfficialWithoutCity", Assert.Single(result.Errors).Code);
        Assert.Equal(1, (await harness.CountsAsync()).Users);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task DisableAsync_OtherUser_ChangesTheStampLocksOutAndAudits(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        var before = await harness.CreateUserAsync("off@test.example");

        var result = await harness.Service.DisableAsync(harness.Admin, before.Id);

        Assert.True(result.Succeeded);
        var after = await harness.FindAsync("off@test.example");
        Assert.True(after.IsDisabled);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.True(after.LockoutEnabled);
        Assert.True(after.LockoutEnd > DateTimeOffset.UtcNow.AddYears(100), $"locked out until {after.LockoutEnd}");
        var audit = (await harness.UserAuditAsync()).Last();
        Assert.Equal(("Disabled", before.Id, AuditChannel.Form), (audit.Action, audit.EntityId, audit.Channel));
        Assert.Contains("\"IsDisabled\":false", audit.OldValues);
        Assert.Contains("\"IsDisabled\":true", audit.NewValues);
        Assert.Contains(harness.Log.Warnings, m => m.Contains("disabled the account off@test.example", StringComparison.Ordinal)
            && m.Contains(UserAdministrationHarness.AdminEmail, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task EnableAsync_DisabledUser_CanSignInAgainAndAudits(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        var user = await harness.CreateUserAsync("back@test.example");
        await harness.Service.DisableAsync(harness.Admin, user.Id);

        var result = await harness.Service.EnableAsync(harness.Admin, user.Id);

        Assert.True(result.Succeeded);
        var after = await harness.FindAsync("back@test.example");
        Assert.False(after.IsDisabled);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(["Created", "Disabled", "Enabled"], (await harness.UserAuditAsync()).Select(a => a.Action));
        var row = Assert.Single(await harness.Service.ListAsync(harness.Admin), r => r.Id == user.Id);
        Assert.False(row.IsDisabled);
        Assert.Null(row.LockedOutUntil);
    }

    [Fact]
    public async Task EnableAsync_LockedOutUser_LiftsTheLockoutAsUnlocked()
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);
        var user = await harness.CreateUserAsync("locked@test.example");
        await using (var context = harness.CreateContext())
        {
            var tracked = await context.Users.FindAsync(user.Id);
            tracked!.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(15);
            tracked.AccessFailedCount = 5;
            await context.SaveChangesAsync();
        }

        Assert.NotNull(Assert.Single(await harness.Service.ListAsync(harness.Admin), r => r.Id == user.Id).LockedOutUntil);
        var result = await harness.Service.EnableAsync(harness.Admin, user.Id);

        Assert.True(result.Succeeded);
        var after = await harness.FindAsync("locked@test.example");
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
        Assert.Equal("Unlocked", (await harness.UserAuditAsync()).Last().Action);
    }

    [Fact]
    public async Task DisableAsync_Self_RefusedAndLogged()
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);
        var before = await harness.CountsAsync();

        var result = await harness.Service.DisableAsync(harness.Admin, harness.Admin.UserId!);

        Assert.Equal("CannotDisableSelf", Assert.Single(result.Errors).Code);
        Assert.Equal(before, await harness.CountsAsync());
        Assert.Contains(harness.Log.Warnings, m => m.Contains("disable their own account", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ResetTwoFactorAsync_UserWhoLostThePhone_ForgetsTheKeyEndsTheSessionsAndAudits(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        var user = await harness.CreateUserAsync("phone@test.example");
        await harness.TurnOnTwoFactorAsync("phone@test.example");
        var before = await harness.FindAsync("phone@test.example");
        Assert.True(Assert.Single(await harness.Service.ListAsync(harness.Admin), r => r.Id == user.Id).TwoFactor);

        var result = await harness.Service.ResetTwoFactorAsync(harness.Admin, user.Id);

        Assert.True(result.Succeeded);
        var after = await harness.FindAsync("phone@test.example");
        Assert.False(after.TwoFactorEnabled);
        Assert.Null(await harness.AuthenticatorKeyAsync("phone@test.example"));
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.False(Assert.Single(await harness.Service.ListAsync(harness.Admin), r => r.Id == user.Id).TwoFactor);
        var audit = (await harness.UserAuditAsync()).Last();
        Assert.Equal(("TwoFactorReset", user.Id), (audit.Action, audit.EntityId));
        Assert.Contains(harness.Log.Warnings, m => m.Contains("reset the two-factor sign-in of phone@test.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ResetTwoFactorAsync_Self_RefusedAndChangesNothing()
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);
        await harness.TurnOnTwoFactorAsync(UserAdministrationHarness.AdminEmail);
        var before = await harness.CountsAsync();

        var result = await harness.Service.ResetTwoFactorAsync(harness.Admin, harness.Admin.UserId!);

        Assert.Equal("CannotResetOwnTwoFactor", Assert.Single(result.Errors).Code);
        Assert.True((await harness.FindAsync(UserAdministrationHarness.AdminEmail)).TwoFactorEnabled);
        Assert.Equal(before, await harness.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task UpdateAsync_NewRoleAndCities_SavesBothChangesTheStampAndAudits(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        var before = await harness.CreateUserAsync("move@test.example", PortalRoles.Official, harness.HangzhouId);

        var toShenzhen = await harness.Service.UpdateAsync(harness.Admin, before.Id,
            new UserChange("Moved", PortalRoles.Official, [harness.ShenzhenId]));
        var moved = await harness.FindAsync("move@test.example");
        var toEvaluator = await harness.Service.UpdateAsync(harness.Admin, before.Id,
            new UserChange("Moved", PortalRoles.Evaluator, [harness.ShenzhenId]));

        Assert.True(toShenzhen.Succeeded);
        Assert.True(toEvaluator.Succeeded);
        Assert.Equal("Moved", moved.DisplayName);
        Assert.Equal([harness.ShenzhenId], moved.Cities.Select(c => c.CityId));
        Assert.NotEqual(before.SecurityStamp, moved.SecurityStamp);
        var evaluator = await harness.FindAsync("move@test.example");
        Assert.Empty(evaluator.Cities);
        Assert.Equal([PortalRoles.Evaluator], await harness.RolesOfAsync(before.Id));
        var audit = await harness.UserAuditAsync();
        Assert.Equal(["Created", "Updated", "Updated"], audit.Select(a => a.Action));
        Assert.Contains("\"Role\":\"Official\"", audit[2].OldValues);
        Assert.Contains("\"Role\":\"Evaluator\"", audit[2].NewValues);
    }

    [Fact]
    public async Task UpdateAsync_NothingChanged_WritesNoAuditEntry()
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);
        var user = await harness.CreateUserAsync("same@test.example", PortalRoles.Official, harness.HangzhouId);

        var result = await harness.Service.UpdateAsync(harness.Admin, user.Id, new UserChange("Test user", PortalRoles.Official, [harness.HangzhouId]));

        Assert.True(result.Succeeded);
        Assert.Single(await harness.UserAuditAsync());
        Assert.Equal(user.SecurityStamp, (await harness.FindAsync("same@test.example")).SecurityStamp);
    }

    [Fact]
    public async Task UpdateAsync_OwnRole_Refused()
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);

        var result = await harness.Service.UpdateAsync(harness.Admin, harness.Admin.UserId!, new UserChange("Me", PortalRoles.Evaluator, []));

        Assert.Equal("CannotChangeOwnRole", Assert.Single(result.Errors).Code);
        Assert.Equal([PortalRoles.Admin], await harness.RolesOfAsync(harness.Admin.UserId!));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task ListAsync_Users_ShowsRolesCitiesAndStateOrderedByEmail(DatabaseProvider provider)
    {
        await using var harness = await HarnessAsync(provider);
        await harness.CreateUserAsync("zhou@test.example", PortalRoles.Official, harness.ShenzhenId, harness.HangzhouId);
        var off = await harness.CreateUserAsync("eva@test.example", PortalRoles.Evaluator);
        await harness.Service.DisableAsync(harness.Admin, off.Id);

        var rows = await harness.Service.ListAsync(harness.Admin);

        Assert.Equal([UserAdministrationHarness.AdminEmail, "eva@test.example", "zhou@test.example"], rows.Select(r => r.Email));
        Assert.Equal([PortalRoles.Admin, PortalRoles.Evaluator, PortalRoles.Official], rows.Select(r => r.Role));
        Assert.Equal(["CN-HZ", "CN-SZ"], rows[2].Cities.Select(c => c.Code));
        Assert.Equal("杭州", rows[2].Cities[0].NameZh);
        Assert.Equal([false, true, false], rows.Select(r => r.IsDisabled));
        Assert.All(rows, r => Assert.Null(r.LockedOutUntil));
        Assert.True(rows[2].Matches("深圳"));
        Assert.False(rows[1].Matches("深圳"));
    }

    public static TheoryData<string> NonAdmins => new() { PortalRoles.Evaluator, PortalRoles.Official, "anonymous" };

    [Theory]
    [MemberData(nameof(NonAdmins))]
    public async Task EveryMethod_NonAdminCaller_RefusedLoggedAndChangesNothing(string role)
    {
        await using var harness = await HarnessAsync(DatabaseProvider.Sqlite);
        var target = await harness.CreateUserAsync("target@test.example");
        var caller = role == "anonymous" ? Access.Anonymous : UserAdministrationHarness.Caller(role);
        var before = await harness.CountsAsync();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.ListAsync(caller));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.ListCitiesAsync(caller));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.CreateAsync(caller,
            new NewUser("sneaky@test.example", "Sneaky", PortalRoles.Admin, [], UserAdministrationHarness.Password)));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.UpdateAsync(caller, target.Id,
            new UserChange("Sneaky", PortalRoles.Admin, [])));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.DisableAsync(caller, target.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.EnableAsync(caller, target.Id));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => harness.Service.ResetTwoFactorAsync(caller, target.Id));

        Assert.Equal(before, await harness.CountsAsync());
        Assert.Equal(7, harness.Log.Warnings.Count(m => m.StartsWith($"Refused to let {caller.UserName}", StringComparison.Ordinal)));
        Assert.Contains(harness.Log.Warnings, m => m.Contains($"disable {target.Id}", StringComparison.Ordinal));
    }
}
