using Microsoft.Extensions.Time.Testing;
using SmartCityIndex.Domain.Auditing;
using SmartCityIndex.Domain.Frameworks;
using SmartCityIndex.Domain.Submissions;
using SmartCityIndex.Infrastructure.Auditing;

namespace SmartCityIndex.Web.Tests.Features.Submissions;

/// <summary>
/// The entry form's rules without a browser: the real entry service on SQLite (one database for the class, each test
/// on a fresh submission), the debounce on a fake clock.
/// </summary>
public sealed class EntryFormViewModelTests(SeededServicesFixture sqlite) : IClassFixture<SeededServicesFixture>
{
    private const string City = "CN-HZ";

    [Fact]
    public async Task Edit_ThenAPauseOf800Ms_SavesOnce()
    {
        var portal = sqlite.Services;
        var (model, store, clock) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();

        model.Edit(row, EntryField.Value, "8");
        model.Edit(row, EntryField.Value, "88");
        clock.Advance(TimeSpan.FromMilliseconds(799));
        Assert.Equal(0, store.Saves);
        Assert.True(model.IsSaving);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await model.WhenSavedAsync();

        Assert.Equal(1, store.Saves);
        Assert.Equal(88m, row.Saved.Value);
        Assert.False(model.IsSaving);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(1, store.Saves);
    }

    [Fact]
    public async Task Edit_AgainWithinThePause_PostponesTheSave()
    {
        var portal = sqlite.Services;
        var (model, store, clock) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();

        model.Edit(row, EntryField.Note, "Year");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        model.Edit(row, EntryField.Note, "Yearbook");
        clock.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(0, store.Saves);
        clock.Advance(TimeSpan.FromMilliseconds(300));
        await model.WhenSavedAsync();

        Assert.Equal(1, store.Saves);
        Assert.Equal("Yearbook", row.Saved.Note);
    }

    [Fact]
    public async Task Edit_WhileASaveRuns_KeepsTheNewTextAndSavesItNext()
    {
        var portal = sqlite.Services;
        var (model, store, clock) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();
        model.Edit(row, EntryField.Note, "Yearb");
        store.OnSave = () => model.Edit(row, EntryField.Note, "Yearbo"); // a key typed while the save is on its way

        clock.Advance(EntryFormViewModel.Debounce);
        await model.WhenSavedAsync();
        Assert.Equal(("Yearbo", "Yearb"), (row.Note, row.Saved.Note));
        store.OnSave = null;
        clock.Advance(EntryFormViewModel.Debounce);
        await model.WhenSavedAsync();

        Assert.Equal(("Yearbo", "Yearbo"), (row.Note, row.Saved.Note));
        Assert.Equal(2, store.Saves);
    }

    [Fact]
    public async Task SubmitAsync_WithATypedValueNotYetSaved_SavesItFirst()
    {
        var portal = sqlite.Services;
        var (model, store, _) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();
        model.Edit(row, EntryField.Value, "92.5");

        await model.SubmitAsync();

        Assert.Equal(["save INF01", "submit"], store.Calls);
        Assert.Equal(92.5m, row.Saved.Value);
        Assert.DoesNotContain(model.Problems!, p => p.IndicatorCode == "INF01");
    }

    [Fact]
    public async Task UnsavedJson_AnInvalidValue_IsKeptAndRestoredWithItsErrorUntilDiscarded()
    {
        var portal = sqlite.Services;
        var (model, _, _) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();
        model.Edit(row, EntryField.Value, "1,234");
        await model.CommitAsync(row);
        var kept = model.UnsavedJson();

        var (reopened, _, _) = await OpenAsync(portal, fresh: false);
        await reopened.RestoreUnsavedAsync(kept!);
        var again = reopened.Form!.Rows.First();

        Assert.Equal(("1,234", "Must be between 0 and 100 %."), (again.Text, again.Error));
        Assert.Equal(["INF01"], reopened.NotSaved.Select(r => r.Indicator.Code));
        reopened.Discard(again);
        Assert.Equal((string.Empty, null), (again.Text, again.Error));
        Assert.Null(reopened.UnsavedJson());
    }

    [Fact]
    public async Task IsPending_WhileTheSaveIsOnItsWay_StaysTrueUntilItIsSaved()
    {
        var portal = sqlite.Services;
        var (model, store, clock) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();
        var duringSave = (Row: false, Form: false);
        store.OnSave = () => duringSave = (model.IsPending(row), model.IsSaving);

        model.Edit(row, EntryField.Note, "Yearbook");
        Assert.True(model.IsPending(row));
        clock.Advance(EntryFormViewModel.Debounce);
        await model.WhenSavedAsync();

        Assert.Equal((true, true), duringSave); // the status must not say "saved" while the database has not answered
        Assert.Equal((false, false), (model.IsPending(row), model.IsSaving));
    }

    [Fact]
    public async Task RestoreUnsavedAsync_KeysTheBrowserKeptOverTheSavedValue_SavesThem()
    {
        var portal = sqlite.Services;
        var (model, _, _) = await OpenAsync(portal);
        var tag = model.Form!.Rows.First().SavedTag;

        // What app.js keeps of keys typed and not seen saved when the page was left.
        await model.RestoreUnsavedAsync($$$"""{"INF01":{"base":"{{{tag}}}","value":"８８．５","note":"Yearbook 2025"}}""");

        var (reopened, _, _) = await OpenAsync(portal, fresh: false);
        var row = reopened.Form!.Rows.First();
        Assert.Equal((88.5m, "Yearbook 2025"), (row.Saved.Value, row.Saved.Note));
        Assert.Null(reopened.UnsavedJson());
        Assert.Equal(["INF01"], model.Restored); // the page says which values came back from the browser
        Assert.Empty(reopened.Restored);
    }

    [Fact]
    public async Task RestoreUnsavedAsync_KeysAlreadySaved_AreNotSaidToBeRestored()
    {
        var portal = sqlite.Services;
        var (first, _, clock) = await OpenAsync(portal);
        first.Edit(first.Form!.Rows.Skip(1).First(), EntryField.Value, "7");
        clock.Advance(EntryFormViewModel.Debounce);
        await first.WhenSavedAsync();
        var (model, _, _) = await OpenAsync(portal, fresh: false);
        var rows = model.Form!.Rows.Take(2).ToList();

        // INF02 as saved (the browser had not yet seen it saved when the page went), INF01 typed and not saved.
        await model.RestoreUnsavedAsync($$$"""{"INF02":{"base":"{{{rows[1].SavedTag}}}","value":"7"},"INF01":{"base":"{{{rows[0].SavedTag}}}","value":"12.5"}}""");

        Assert.Equal(["INF01"], model.Restored);
        Assert.Equal(7m, rows[1].Saved.Value);
    }

    [Fact]
    public async Task RestoreUnsavedAsync_SomeoneElseSavedMeanwhile_ShowsBothAndSavesNothing()
    {
        var portal = sqlite.Services;
        var (model, _, _) = await OpenAsync(portal);
        var tag = model.Form!.Rows.First().SavedTag;
        await SaveAsColleagueAsync(portal, model.Form.SubmissionId, model.Form.Rows.First().Indicator, 61m);

        var (reopened, _, _) = await OpenAsync(portal, fresh: false);
        await reopened.RestoreUnsavedAsync($$$"""{"INF01":{"base":"{{{tag}}}","value":"88"}}""");
        var row = reopened.Form!.Rows.First();

        Assert.Equal(("88", 61m, 61m), (row.Text, row.Conflict?.Value, row.Saved.Value));
        Assert.Equal(["INF01"], reopened.NotSaved.Select(r => r.Indicator.Code));
        await reopened.ResolveAsync(row, keepMine: true);
        Assert.Equal(88m, (await OpenAsync(portal, fresh: false)).Model.Form!.Rows.First().Saved.Value);
    }

    [Fact]
    public async Task RestoreUnsavedAsync_MyOwnSaveSinceTheKeysWereKept_SavesOverIt()
    {
        var portal = sqlite.Services;
        var (model, _, _) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();
        var tag = row.SavedTag;
        model.Edit(row, EntryField.Note, "Yearb"); // saved, but the page was left before the browser saw it saved
        await model.CommitAsync(row);

        var (reopened, _, _) = await OpenAsync(portal, fresh: false);
        await reopened.RestoreUnsavedAsync($$$"""{"INF01":{"base":"{{{tag}}}","note":"Yearbook"}}""");

        Assert.Equal((null, "Yearbook"), (reopened.Form!.Rows.First().Conflict, reopened.Form.Rows.First().Saved.Note));
    }

    [Fact]
    public async Task RestoreUnsavedAsync_ARowTypedIntoSinceTheFormOpened_KeepsWhatIsTyped()
    {
        var portal = sqlite.Services;
        var (model, _, _) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();
        var tag = row.SavedTag;
        model.Edit(row, EntryField.Note, "Yearbook 2025, p. 14");

        // What the browser had kept a moment before the last key: it must not take that key back.
        await model.RestoreUnsavedAsync($$$"""{"INF01":{"base":"{{{tag}}}","note":"Yearbook 2025, p. 1"}}""");

        Assert.Equal("Yearbook 2025, p. 14", row.Note);
    }

    [Fact]
    public async Task DisposeAsync_TypedWithinThePause_SavesItBeforeThePageGoes()
    {
        var portal = sqlite.Services;
        var (model, store, _) = await OpenAsync(portal);
        model.Edit(model.Form!.Rows.First(), EntryField.Note, "Yearbook");

        await model.DisposeAsync(); // a link followed at once

        Assert.Equal(["save INF01"], store.Calls);
        Assert.Equal("Yearbook", (await OpenAsync(portal, fresh: false)).Model.Form!.Rows.First().Saved.Note);
    }

    [Fact]
    public async Task Edit_FullWidthDigits_SavesTheNumber()
    {
        var portal = sqlite.Services;
        var (model, _, _) = await OpenAsync(portal);
        var row = model.Form!.Rows.First();

        model.Edit(row, EntryField.Value, "８８．５");
        await model.CommitAsync(row);

        Assert.Equal((88.5m, null), (row.Saved.Value, row.Error));
        Assert.Equal("８８．５", row.Text); // what was typed stays as typed while the form is open
    }

    private static async Task<(EntryFormViewModel Model, CountingStore Store, FakeTimeProvider Clock)> OpenAsync(SeededServices portal, bool fresh = true)
    {
        var year = fresh ? await portal.FreshYearAsync(City) : await OpenYearAsync(portal);
        var store = new CountingStore(await portal.EntryAsync(DemoAccounts.HangzhouOfficial));
        var clock = new FakeTimeProvider();
        var model = new EntryFormViewModel(store, clock, work => work(), () => { });
        await model.LoadAsync(City, year);
        return (model, store, clock);
    }

    /// <summary>A colleague of the city saves a value (in another browser, or by an import), as the portal records it.</summary>
    private static async Task SaveAsColleagueAsync(SeededServices portal, int submissionId, Indicator indicator, decimal value)
    {
        await using var context = portal.Database.CreateContext();
        var submission = await context.Submissions.Include(s => s.Values).SingleAsync(s => s.Id == submissionId);
        submission.SetValue(indicator.Id, value, note: null, DateTime.UtcNow);
        context.Record("colleague@hangzhou.example", DateTime.UtcNow, nameof(IndicatorValue), $"{submissionId}/{indicator.Code}", "Changed", null, new { value }, AuditChannel.Form);
        await context.SaveChangesAsync();
    }

    private static async Task<int> OpenYearAsync(SeededServices portal) =>
        (await (await portal.EntryAsync(DemoAccounts.HangzhouOfficial)).ListMineAsync()).Where(r => r.CityCode == City).Max(r => r.Year);

    /// <summary>The real entry service, counting what the view model asks of it.</summary>
    private sealed class CountingStore(IEntryStore inner) : IEntryStore
    {
        public List<string> Calls { get; } = [];

        public int Saves => Calls.Count(c => c.StartsWith("save", StringComparison.Ordinal));

        public Action? OnSave { get; set; }

        public Task<EntryForm?> OpenAsync(string cityCode, int year, CancellationToken ct = default) => inner.OpenAsync(cityCode, year, ct);

        public async Task<SaveResult?> SaveValueAsync(int submissionId, EntryRow row, CancellationToken ct = default)
        {
            Calls.Add($"save {row.Indicator.Code}");
            OnSave?.Invoke();
            return await inner.SaveValueAsync(submissionId, row, ct);
        }

        public Task<IReadOnlyList<SubmitProblem>?> SubmitAsync(int submissionId, CancellationToken ct = default)
        {
            Calls.Add("submit");
            return inner.SubmitAsync(submissionId, ct);
        }

        public Task<IReadOnlySet<string>?> ChangedLastByMeAsync(int submissionId, IReadOnlyCollection<string> indicatorCodes, CancellationToken ct = default) =>
            inner.ChangedLastByMeAsync(submissionId, indicatorCodes, ct);
    }
}
