using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Web.Features.Submissions;
using SmartCityIndex.Web.Tests.Components;

namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>
/// The database answers but cannot write (issue 11, faults): PostgreSQL set read-only for new connections
/// (<c>ALTER DATABASE … SET default_transaction_read_only</c>, as after a failover to a standby), SQLite refusing every
/// write (<c>PRAGMA query_only</c> on each connection: SQLITE_READONLY, what a file system remounted read-only gives).
/// The form keeps the value and says why in the user's language, nothing is half-written (no value without its audit
/// entry, no submission), and it saves once the database can write again.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class ReadOnlyDatabaseTests(OutageCluster outage)
{
    private const string City = "CN-HZ";

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Edit_TheDatabaseTurnsReadOnly_KeepsTheValueSaysWhyWritesNothingAndSavesWhenItClears(DatabaseProvider provider)
    {
        await using var portal = await SeededServices.CreateAsync(provider, outage.Cluster);
        var readOnly = new ReadOnlySwitch(portal.Database, outage.Cluster);
        var year = await portal.FreshYearAsync(City);
        var clock = new FakeTimeProvider();
        var model = new EntryFormViewModel(await portal.EntryAsync(DemoAccounts.HangzhouOfficial, readOnly.Contexts), clock, work => work(), () => { });
        await model.LoadAsync(City, year);
        var (first, second) = (model.Form!.Rows.First(), model.Form.Rows.Skip(1).First());
        model.Edit(first, EntryField.Value, "10");
        clock.Advance(EntryFormViewModel.Debounce);
        await model.WhenSavedAsync();
        Assert.Equal(10m, first.Saved.Value);

        await readOnly.SetAsync(true);
        try
        {
            model.Edit(second, EntryField.Value, "20");
            model.Edit(second, EntryField.Note, "Yearbook");
            clock.Advance(EntryFormViewModel.Debounce);
            await model.WhenSavedAsync();

            Assert.True(model.DatabaseUnreachable && model.DatabaseCannotWrite);
            Assert.True(model.IsPending(second));
            Assert.Equal("20", second.Text);
            Assert.Contains($"\"{second.Indicator.Code}\"", model.UnsavedJson());
            await model.SubmitAsync(); // refused as well, and said so
            Assert.True(model.DatabaseUnreachable && model.DatabaseCannotWrite);
            Assert.False(model.JustSubmitted);

            // Nothing half-written: the first value and its audit entry, no more; the submission still a draft.
            Assert.Equal(("INF01=10", 1, SubmissionStatus.Draft), await StoredAsync(portal.Database, model.Form.SubmissionId));
        }
        finally
        {
            await readOnly.SetAsync(false);
        }

        clock.Advance(EntryFormViewModel.FirstRetry * 4); // past the pending retry's pause
        await model.WhenSavedAsync();

        Assert.False(model.DatabaseUnreachable || model.DatabaseCannotWrite || model.IsSaving);
        Assert.Equal((20m, "Yearbook"), (second.Saved.Value, second.Saved.Note));
        Assert.Equal(("INF01=10 INF02=20", 2, SubmissionStatus.Draft), await StoredAsync(portal.Database, model.Form.SubmissionId));
    }

    [Theory]
    [InlineData("en", "The database cannot save just now (it is read-only or its disk is full): your values are kept in this page and saved when it can")]
    [InlineData("zh-Hans", "数据库暂时无法保存（只读或磁盘已满）：您填写的数值保留在本页，可以保存时自动保存")]
    public async Task Message_TheDatabaseCannotWrite_SaysSoInTheUsersLanguage(string culture, string expected)
    {
        await using var portal = await SeededServices.CreateAsync(DatabaseProvider.Sqlite, null);
        using var scope = new CultureScope(culture);

        Assert.Equal(expected, portal.Text[nameof(Keys.DatabaseCannotWriteKept)].Value);
    }

    /// <summary>The values ("code=value" in order), the number of their audit entries and the submission's status.</summary>
    private static async Task<(string Values, int Audited, SubmissionStatus Status)> StoredAsync(TestDatabase database, int submissionId)
    {
        await using var context = database.CreateContext();
        var values = await context.IndicatorValues.Where(v => v.SubmissionId == submissionId)
            .Join(context.Indicators, v => v.IndicatorId, i => i.Id, (v, i) => new { i.Code, v.Value }).OrderBy(v => v.Code).ToListAsync();
        var audited = await context.AuditEntries.CountAsync(a => a.EntityType == nameof(IndicatorValue) && a.EntityId.StartsWith($"{submissionId}/"));
        var status = (await context.Submissions.SingleAsync(s => s.Id == submissionId)).Status;
        return (string.Join(' ', values.Select(v => FormattableString.Invariant($"{v.Code}={v.Value:0.######}"))), audited, status);
    }

    /// <summary>
    /// Makes the database refuse writes and allow them again. PostgreSQL: the database's setting, which new connections
    /// take (the pools are emptied). SQLite: contexts of the test's own whose connections are made read-only on opening.
    /// </summary>
    private sealed class ReadOnlySwitch(TestDatabase database, PostgresCluster cluster) : DbConnectionInterceptor, IDbContextFactory<SmartCityIndexDbContext>
    {
        private volatile bool _on;

        public IDbContextFactory<SmartCityIndexDbContext> Contexts => this;

        public SmartCityIndexDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<SmartCityIndexDbContext>();
            options.Use(database.Provider, database.ConnectionString);
            if (database.Provider == DatabaseProvider.Sqlite)
            {
                options.AddInterceptors(this);
            }

            return new SmartCityIndexDbContext(options.Options);
        }

        public async Task SetAsync(bool on)
        {
            _on = on;
            if (database.Provider == DatabaseProvider.PostgreSql)
            {
                var name = new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
                await using var admin = new Npgsql.NpgsqlConnection(cluster.AdminConnectionString);
                await admin.OpenAsync();
                await using var command = new Npgsql.NpgsqlCommand(
                    on ? $"ALTER DATABASE \"{name}\" SET default_transaction_read_only = on" : $"ALTER DATABASE \"{name}\" RESET default_transaction_read_only", admin);
                await command.ExecuteNonQueryAsync();
                Npgsql.NpgsqlConnection.ClearAllPools();
            }
        }

        public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA query_only = {(_on ? 1 : 0)};";
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
