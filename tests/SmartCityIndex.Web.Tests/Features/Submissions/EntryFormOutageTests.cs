using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>
/// The entry form while PostgreSQL is away (probe finding 7): a throwaway cluster, really stopped and started again;
/// the real entry service; the form's clock moved by the test.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class EntryFormOutageTests(OutageCluster outage) : IAsyncLifetime
{
    private const string City = "CN-HZ";

    private readonly PostgresCluster _cluster = outage.Cluster;
    private SeededServices _portal = null!;

    public async Task InitializeAsync() => _portal = await SeededServices.CreateAsync(DatabaseProvider.PostgreSql, _cluster);

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    [Fact]
    public async Task Edit_WhileTheDatabaseIsStopped_KeepsTheValueSaysSoAndSavesItOnceWhenItIsBack()
    {
        var (model, clock) = await OpenAsync();
        var row = model.Form!.Rows.First();
        var code = row.Indicator.Code;

        await _cluster.StopAsync();
        try
        {
            model.Edit(row, EntryField.Value, "42.5");
            clock.Advance(EntryFormViewModel.Debounce);
            await model.WhenSavedAsync();

            // Said in the page, kept in the row and offered to the browser to keep; tried again, still away.
            Assert.True(model.DatabaseUnreachable);
            Assert.True(model.IsPending(row));
            Assert.Equal("42.5", row.Text);
            Assert.Contains($"\"{code}\"", model.UnsavedJson());
            clock.Advance(EntryFormViewModel.FirstRetry);
            await model.WhenSavedAsync();
            Assert.True(model.DatabaseUnreachable);
        }
        finally
        {
            await _cluster.StartAgainAsync();
        }

        clock.Advance(EntryFormViewModel.FirstRetry * 2); // the second retry's pause
        await model.WhenSavedAsync();

        Assert.False(model.DatabaseUnreachable);
        Assert.False(model.IsSaving);
        Assert.True(row.Error is null && row.Conflict is null, $"error {row.Error}, conflict {row.Conflict}, status {model.Form.Status}");
        Assert.Equal(42.5m, row.Saved.Value);
        Assert.Null(model.UnsavedJson());
        await using var context = _portal.Database.CreateContext();
        Assert.Equal(1, await context.IndicatorValues.CountAsync(v => v.SubmissionId == model.Form.SubmissionId && v.Value == 42.5m));
        Assert.Equal(1, await context.AuditEntries.CountAsync(a => a.EntityId == $"{model.Form.SubmissionId}/{code}"));
    }

    [Fact]
    public async Task Submit_WhileTheDatabaseIsStopped_SubmitsNothingAndSaysSo()
    {
        var (model, _) = await OpenAsync();

        await _cluster.StopAsync();
        try
        {
            await model.SubmitAsync();

            Assert.True(model.DatabaseUnreachable);
            Assert.False(model.JustSubmitted);
            Assert.False(model.Submitting);
        }
        finally
        {
            await _cluster.StartAgainAsync();
        }

        await using var context = _portal.Database.CreateContext();
        Assert.Equal(SubmissionStatus.Draft, (await context.Submissions.SingleAsync(s => s.Id == model.Form!.SubmissionId)).Status);
    }

    [Fact]
    public async Task Submit_RefusedWhileTheDatabaseIsStopped_SaysSoUntilTheNextSuccess()
    {
        var (model, clock) = await OpenAsync();
        var (first, second) = (model.Form!.Rows.First(), model.Form.Rows.Skip(1).First());

        await _cluster.StopAsync();
        try
        {
            await model.SubmitAsync();
            Assert.True(model.DatabaseUnreachable);

            // Text the form's own checks refuse is never sent: no word from the database, so the status stays.
            model.Edit(first, EntryField.Value, "abc");
            clock.Advance(EntryFormViewModel.Debounce);
            await model.WhenSavedAsync();
            Assert.NotNull(first.Error);
            Assert.True(model.DatabaseUnreachable);
            clock.Advance(EntryFormViewModel.LongestRetry);
            await model.WhenSavedAsync();
            Assert.True(model.DatabaseUnreachable);
        }
        finally
        {
            await _cluster.StartAgainAsync();
        }

        Assert.True(model.DatabaseUnreachable); // back, but nothing has reached it yet
        model.Edit(second, EntryField.Value, "12");
        clock.Advance(EntryFormViewModel.Debounce);
        await model.WhenSavedAsync();
        Assert.False(model.DatabaseUnreachable); // a save landed
        Assert.Equal(12m, second.Saved.Value);

        await model.SubmitAsync();
        Assert.False(model.DatabaseUnreachable);
        Assert.NotEmpty(model.Problems!); // answered by the database: the values still missing
    }

    [Fact]
    public async Task Submit_TheDatabaseBackBeforeTheWaitingValuesRetry_SavesThemAndSubmits()
    {
        var (model, clock) = await OpenAsync();
        var rows = model.Form!.Rows.ToList();
        foreach (var row in rows.Skip(1))
        {
            model.Edit(row, EntryField.Value, "50");
            model.Edit(row, EntryField.Note, "Statistical yearbook");
        }

        clock.Advance(EntryFormViewModel.Debounce);
        await model.WhenSavedAsync();
        Assert.False(model.IsSaving);

        await _cluster.StopAsync();
        try
        {
            model.Edit(rows[0], EntryField.Value, "50");
            model.Edit(rows[0], EntryField.Note, "Statistical yearbook");
            clock.Advance(EntryFormViewModel.Debounce);
            await model.WhenSavedAsync();
            Assert.True(model.DatabaseUnreachable);
        }
        finally
        {
            await _cluster.StartAgainAsync();
        }

        await model.SubmitAsync(); // before the retry's pause is over

        Assert.False(model.DatabaseUnreachable);
        Assert.False(model.IsSaving);
        Assert.True(model.JustSubmitted, string.Join("; ", (model.Problems ?? []).Select(p => $"{p.IndicatorCode}: {p.Problem}")));
        await using var context = _portal.Database.CreateContext();
        Assert.Equal(SubmissionStatus.Submitted, (await context.Submissions.SingleAsync(s => s.Id == model.Form!.SubmissionId)).Status);
    }

    [Fact]
    public async Task Load_WhileTheDatabaseIsStopped_SaysSoAndOpensWhenItIsBack()
    {
        var year = await _portal.FreshYearAsync(City);
        var model = new EntryFormViewModel(await _portal.EntryAsync(DemoAccounts.HangzhouOfficial), new FakeTimeProvider(), work => work(), () => { });

        await _cluster.StopAsync();
        try
        {
            await model.LoadAsync(City, year);
            Assert.True(model.LoadFailed);
            Assert.Null(model.Form);
        }
        finally
        {
            await _cluster.StartAgainAsync();
        }

        await model.LoadAsync(City, year);

        Assert.False(model.LoadFailed);
        Assert.NotNull(model.Form);
    }

    private async Task<(EntryFormViewModel Model, FakeTimeProvider Clock)> OpenAsync()
    {
        var year = await _portal.FreshYearAsync(City);
        var clock = new FakeTimeProvider();
        var model = new EntryFormViewModel(await _portal.EntryAsync(DemoAccounts.HangzhouOfficial), clock, work => work(), () => { });
        await model.LoadAsync(City, year);
        return (model, clock);
    }
}
