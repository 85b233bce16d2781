using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCityIndex.Domain.Auditing;

namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>The entry service over the seeded demo data, on both databases.</summary>
public sealed class SubmissionEntryServiceTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task OpenAsync_AnotherCitysOfficial_GetsNothing(DatabaseProvider provider)
    {
        await using var portal = await SeededAsync(provider);
        var year = await FreshYearAsync(portal, "CN-GZ");

        var asGuangdong = await portal.EntryAsync(DemoAccounts.GuangdongOfficial);
        var asHangzhou = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var asEvaluator = await portal.EntryAsync(DemoAccounts.Evaluator);

        Assert.NotNull(await asGuangdong.OpenAsync("CN-GZ", year));
        Assert.Null(await asHangzhou.OpenAsync("CN-GZ", year));
        Assert.Null(await asEvaluator.OpenAsync("CN-GZ", year));
        Assert.DoesNotContain(await asHangzhou.ListMineAsync(), r => r.CityCode == "CN-GZ");
        Assert.Equal(["CN-GZ", "CN-SZ"], (await asGuangdong.ListMineAsync()).Where(r => r.Year == year).Select(r => r.CityCode));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveValueAsync_TwoOfficialsOnOneValue_SecondGetsAConflictWithTheFirstsValue(DatabaseProvider provider)
    {
        await using var portal = await SeededAsync(provider);
        var year = await FreshYearAsync(portal, "CN-HZ");
        var alice = await (await portal.EntryAsync(DemoAccounts.HangzhouOfficial)).OpenAsync("CN-HZ", year);
        var bob = await (await portal.EntryAsync(DemoAccounts.HangzhouOfficial)).OpenAsync("CN-HZ", year);
        var service = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);

        var alicesRow = alice!.Rows.First();
        alicesRow.Text = "81.5";
        var first = await service.SaveValueAsync(alice.SubmissionId, alicesRow);
        var bobsRow = bob!.Rows.First();
        bobsRow.Text = "60";
        var second = await service.SaveValueAsync(bob.SubmissionId, bobsRow);

        Assert.IsType<SaveResult.Saved>(first);
        var conflict = Assert.IsType<SaveResult.ConflictWith>(second);
        Assert.Equal(81.5m, conflict.Theirs.Value);
        await using var context = portal.Database.CreateContext();
        Assert.Equal(81.5m, (await context.IndicatorValues.SingleAsync(v => v.SubmissionId == alice.SubmissionId)).Value);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveValueAsync_ValueChanged_WritesAnAuditEntryWithOldAndNew(DatabaseProvider provider)
    {
        await using var portal = await SeededAsync(provider);
        var year = await FreshYearAsync(portal, "CN-HZ");
        var service = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var form = await service.OpenAsync("CN-HZ", year);
        var row = form!.Rows.First();

        row.Text = "1 234,5";
        var invalid = await service.SaveValueAsync(form.SubmissionId, row);
        row.Text = "88,25";
        var saved = await service.SaveValueAsync(form.SubmissionId, row);

        Assert.Equal("Must be between 0 and 100 %.", Assert.IsType<SaveResult.Invalid>(invalid).Message);
        Assert.Equal(88.25m, Assert.IsType<SaveResult.Saved>(saved).Value.Value);
        await using var context = portal.Database.CreateContext();
        var audit = await context.AuditEntries.SingleAsync(a => a.EntityType == nameof(IndicatorValue));
        Assert.Equal((DemoAccounts.HangzhouOfficial, AuditChannel.Form, $"{form.SubmissionId}/INF01"), (audit.UserName, audit.Channel, audit.EntityId));
        Assert.Contains("88.25", audit.NewValues);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SubmitAsync_Incomplete_ListsTheMissingValuesAndStaysDraft(DatabaseProvider provider)
    {
        await using var portal = await SeededAsync(provider);
        var year = await FreshYearAsync(portal, "CN-HZ");
        var service = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var form = await service.OpenAsync("CN-HZ", year);

        var problems = await service.SubmitAsync(form!.SubmissionId);

        Assert.Equal(30, problems!.Count);
        Assert.All(problems, p => Assert.Equal("No value and not marked \"not available\".", p.Problem));
        Assert.Equal(SubmissionStatus.Draft, (await service.OpenAsync("CN-HZ", year))!.Status);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveValueAsync_OfficialOfAnotherCity_IsRefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var portal = await SeededAsync(provider);
        var year = await FreshYearAsync(portal, "CN-HZ");
        var form = await (await portal.EntryAsync(DemoAccounts.HangzhouOfficial)).OpenAsync("CN-HZ", year);
        var row = form!.Rows.First();
        row.Text = "50";

        var result = await (await portal.EntryAsync(DemoAccounts.GuangdongOfficial)).SaveValueAsync(form.SubmissionId, row);

        Assert.Null(result);
        await using var context = portal.Database.CreateContext();
        Assert.False(await context.IndicatorValues.AnyAsync(v => v.SubmissionId == form.SubmissionId));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task SaveValueAsync_SixDecimalPlacesOrMore_KeepsSixExactlyOnBothDatabasesAndRefusesSeven(DatabaseProvider provider)
    {
        await using var portal = await SeededAsync(provider);
        var year = await FreshYearAsync(portal, "CN-HZ");
        var service = await portal.EntryAsync(DemoAccounts.HangzhouOfficial);
        var form = await service.OpenAsync("CN-HZ", year);
        var row = form!.Rows.First();

        row.Text = "12.3456789";
        var seven = await service.SaveValueAsync(form.SubmissionId, row);
        row.Text = "12.345678";
        var six = await service.SaveValueAsync(form.SubmissionId, row);

        Assert.Equal("Give at most 6 decimal places, and no more than 99,999,999,999,999 in size: that is what a value keeps.",
            Assert.IsType<SaveResult.Invalid>(seven).Message);
        Assert.IsType<SaveResult.Saved>(six);
        await using var context = portal.Database.CreateContext();
        Assert.Equal(12.345678m, (await context.IndicatorValues.SingleAsync(v => v.SubmissionId == form.SubmissionId)).Value);
        Assert.Contains("12.345678", (await context.AuditEntries.SingleAsync(a => a.EntityType == nameof(IndicatorValue))).NewValues);
        Assert.Equal(12.345678m, (await service.OpenAsync("CN-HZ", year))!.Rows.First().Saved.Value); // read back as saved
    }

    private Task<SeededServices> SeededAsync(DatabaseProvider provider) => SeededServices.CreateAsync(provider, postgres.Cluster);

    private static Task<int> FreshYearAsync(SeededServices portal, string cityCode) => portal.FreshYearAsync(cityCode);
}
