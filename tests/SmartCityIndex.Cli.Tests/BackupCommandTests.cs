using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Infrastructure.Auditing;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Infrastructure.Scoring;
using SmartCityIndex.TestSupport;

namespace SmartCityIndex.Cli.Tests;

/// <summary>
/// <c>sci backup</c> and <c>sci restore</c> as real processes, on both databases: a seeded portal database with a score
/// run and audit entries, backed up, restored into a new, empty database, and compared row for row.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class BackupCommandTests(PostgresFixture postgres)
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task BackupThenRestore_IntoANewDatabase_FindsEveryValueRunAndAuditEntry(DatabaseProvider provider)
    {
        await using var source = await TestDatabase.CreateAsync(provider, postgres.Cluster);
        Assert.True(SciProcess.Run(["seed", "--cities", "4", "--years", "2", "--provider", provider.ToString(), "--connection", source.ConnectionString]) is { ExitCode: 0 });
        await AddRunAndAuditAsync(source);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "portal.backup");
        await using var target = await TestDatabase.CreateAsync(provider, postgres.Cluster);

        var backup = SciProcess.Run(["backup", "--provider", provider.ToString(), "--connection", source.ConnectionString, "--to", file]);
        var restore = SciProcess.Run(["restore", "--provider", provider.ToString(), "--connection", target.ConnectionString, "--from", file]);

        Assert.True(backup.ExitCode == 0, backup.Error);
        Assert.True(restore.ExitCode == 0, restore.Error);
        var before = await ContentsAsync(source);
        Assert.Equal(before, await ContentsAsync(target));
        Assert.Contains($"{before.Values.Count} values", backup.Output);
        Assert.Contains($"{before.Values.Count} values, {before.Submissions} submissions, 1 score runs, {before.Audit.Count} audit entries", restore.Output);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Restore_IntoADatabaseThatHoldsData_RefusedAndNothingChanges(DatabaseProvider provider)
    {
        await using var database = await (await TestDatabase.CreateAsync(provider, postgres.Cluster)).MigrateAsync();
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "portal.backup");
        Assert.Equal(0, SciProcess.Run(["backup", "--provider", provider.ToString(), "--connection", database.ConnectionString, "--to", file]).ExitCode);

        var restore = SciProcess.Run(["restore", "--provider", provider.ToString(), "--connection", database.ConnectionString, "--from", file]);
        var again = SciProcess.Run(["backup", "--provider", provider.ToString(), "--connection", database.ConnectionString, "--to", file]);

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("not empty: restore into a new, empty database", restore.Error);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("exists already: a backup never overwrites a file", again.Error);
    }

    [Fact]
    public async Task Restore_FileThatIsNoBackup_RefusedWithWhatItIs()
    {
        await using var target = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite, null);
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "values.csv");
        await File.WriteAllTextAsync(file, "code,value\nINF01,50\n");

        var restore = SciProcess.Run(["restore", "--connection", target.ConnectionString, "--from", file]);

        Assert.Equal(2, restore.ExitCode);
        Assert.Contains("is not a backup of a Sqlite database made by sci backup", restore.Error);
    }

    /// <summary>A score run of the open year (as the portal makes) and an audit entry of an account change.</summary>
    private static async Task AddRunAndAuditAsync(TestDatabase database)
    {
        var contexts = new ContextFactory(database);
        await using var context = database.CreateContext();
        var period = await context.ReportingPeriods.OrderByDescending(p => p.Year).FirstAsync();
        Assert.NotNull(await new ScoreRunner(contexts, TimeProvider.System, NullLogger<ScoreRunner>.Instance).RunAsync(period.Id, "backup test", force: true));
        context.Record("admin@sci.demo", DateTime.UtcNow, "User", "someone", "Disabled", new { IsDisabled = false }, new { IsDisabled = true }, AuditChannel.Form);
        await context.SaveChangesAsync();
    }

    private static async Task<Contents> ContentsAsync(TestDatabase database)
    {
        await using var context = database.CreateContext();
        var values = await context.IndicatorValues.OrderBy(v => v.Id)
            .Select(v => $"{v.Id}|{v.SubmissionId}|{v.IndicatorId}|{v.Value}|{v.NotAvailable}|{v.NotAvailableReason}|{v.Note}").ToListAsync();
        var runs = await context.ScoreRuns.OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.ReportingPeriodId}|{r.InputsHash}|{r.CreatedAt:O}").ToListAsync();
        var audit = await context.AuditEntries.OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.UserName}|{a.EntityId}|{a.Action}|{a.NewValues}").ToListAsync();
        var users = await context.Users.OrderBy(u => u.Email).Select(u => $"{u.Email}|{u.PasswordHash}").ToListAsync();
        return new Contents(values, await context.Submissions.CountAsync(), runs, audit, users);
    }

    private sealed record Contents(List<string> Values, int Submissions, List<string> Runs, List<string> Audit, List<string> Users)
    {
        public bool Equals(Contents? other) => other is not null && Values.SequenceEqual(other.Values) && Submissions == other.Submissions
            && Runs.SequenceEqual(other.Runs) && Audit.SequenceEqual(other.Audit) && Users.SequenceEqual(other.Users);

        public override int GetHashCode() => HashCode.Combine(Values.Count, Submissions, Runs.Count, Audit.Count);
    }
}
