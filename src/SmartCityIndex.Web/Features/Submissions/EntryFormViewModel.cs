using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>The input of a row that typing changes.</summary>
public enum EntryField
{
    Value,
    Reason,
    Note,
}

/// <summary>
/// The state and rules of the entry form, without a browser: the rows' inputs (this is the only code that changes an
/// <see cref="EntryRow"/> once the form is open), saving after a pause in typing or on leaving a field, one save at a
/// time, conflicts, locking and submitting. The page renders it and forwards events; <paramref name="dispatch"/> runs
/// the debounce's save on the page's renderer (its <c>InvokeAsync</c>), <paramref name="changed"/> asks it to render.
/// <para>
/// What the person typed is never overwritten by a save: a save sends a copy of the inputs and, when it returns,
/// updates only what was saved and the messages; keys typed meanwhile stay in the inputs and are saved next.
/// </para>
/// </summary>
public sealed class EntryFormViewModel(IEntryStore store, TimeProvider time, Func<Func<Task>, Task> dispatch, Action changed) : IAsyncDisposable
{
    /// <summary>The pause in typing after which a value is saved.</summary>
    public static readonly TimeSpan Debounce = TimeSpan.FromMilliseconds(800);

    /// <summary>While the database cannot be reached, saves are tried again after 2 s, then twice as long each time up to 30 s.</summary>
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(2);

    /// <inheritdoc cref="FirstRetry"/>
    public static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(30);

    private static readonly JsonSerializerOptions KeptJson = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    private readonly HashSet<EntryRow> _dirty = [];
    private readonly HashSet<EntryRow> _sending = [];
    private readonly HashSet<EntryRow> _waiting = [];
    private readonly HashSet<EntryRow> _touched = [];
    private readonly HashSet<string> _open = [];
    private readonly List<string> _restored = [];
    private readonly SemaphoreSlim _saving = new(1, 1);
    private ITimer? _timer;
    private ITimer? _retryTimer;
    private TimeSpan _retryDelay = FirstRetry;
    private Task _pending = Task.CompletedTask;

    public EntryForm? Form { get; private set; }

    public bool Submitting { get; private set; }

    public bool JustSubmitted { get; private set; }

    public IReadOnlyList<SubmitProblem>? Problems { get; private set; }

    /// <summary>When this form last saved a value (UTC); null before its first save.</summary>
    public DateTime? SavedAt { get; private set; }

    /// <summary>The categories shown open.</summary>
    public IReadOnlySet<string> Open => _open;

    /// <summary>Typed and not yet saved: waiting for the pause in typing, being saved, or waiting for the database.</summary>
    public bool IsSaving => _dirty.Count > 0 || _sending.Count > 0 || _waiting.Count > 0;

    /// <summary>
    /// The database could not be reached at the last attempt: what was typed is kept in the page (and in the browser)
    /// and saved when it is back; a submission waits.
    /// </summary>
    public bool DatabaseUnreachable { get; private set; }

    /// <summary>
    /// The indicators whose inputs were put back from the browser when the form opened (typed, and not seen saved
    /// before the page was left: a reload, a closed tab, a restart of the portal), by indicator code; every other
    /// value is as the database holds it. The page says which.
    /// </summary>
    public IReadOnlyList<string> Restored => _restored;

    /// <summary>Of <see cref="DatabaseUnreachable"/>: the database answered but cannot write (read-only, or its disk full).</summary>
    public bool DatabaseCannotWrite { get; private set; }

    /// <summary>The form could not be opened: the database could not be reached.</summary>
    public bool LoadFailed { get; private set; }

    /// <summary>True while what the row's inputs hold is not yet saved (typed, being saved, or waiting for the database).</summary>
    public bool IsPending(EntryRow row) => _dirty.Contains(row) || _sending.Contains(row) || _waiting.Contains(row);

    /// <summary>The rows whose input is not saved: an error in it, or someone else's value in the way.</summary>
    public IReadOnlyList<EntryRow> NotSaved => Form is null ? [] : [.. Form.Rows.Where(r => r.Error is not null || r.Conflict is not null)];

    public int Answered => Form?.Rows.Count(r => r.IsAnswered) ?? 0;

    public int Total => Form?.Rows.Count() ?? 0;

    /// <summary>Loads the form afresh (on opening, and after an import) with the first category to do open.</summary>
    public async Task LoadAsync(string cityCode, int year)
    {
        _dirty.Clear();
        _touched.Clear();
        _waiting.Clear();
        _restored.Clear();
        try
        {
            Form = await store.OpenAsync(cityCode, year);
            LoadFailed = false;
        }
        catch (Exception e) when (DatabaseOutage.Is(e))
        {
            Form = null;
            LoadFailed = true;
            return;
        }

        OpenFirstToDo();
    }

    public void Toggle(string category)
    {
        if (!_open.Remove(category))
        {
            _open.Add(category);
        }
    }

    public void ToggleAll()
    {
        var all = _open.Count == Form!.Categories.Count;
        _open.Clear();
        if (!all)
        {
            _open.UnionWith(Form.Categories.Select(c => c.Code));
        }
    }

    /// <summary>A key typed into an input: saved after a pause.</summary>
    public void Edit(EntryRow row, EntryField field, string? text)
    {
        switch (field)
        {
            case EntryField.Value:
                row.Text = text ?? string.Empty;
                break;
            case EntryField.Reason:
                row.Reason = text;
                break;
            default:
                row.Note = text;
                break;
        }

        _dirty.Add(row);
        _touched.Add(row);
        _timer ??= time.CreateTimer(_ => _ = dispatch(SaveDirtyFromTimerAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _timer.Change(Debounce, Timeout.InfiniteTimeSpan);
        changed();
    }

    /// <summary>"Not available" ticked or cleared: saved now, except a tick still waiting for its reason.</summary>
    public Task SetNotAvailableAsync(EntryRow row, bool notAvailable)
    {
        row.NotAvailable = notAvailable;
        _touched.Add(row);
        changed();
        return notAvailable && string.IsNullOrWhiteSpace(row.Reason) ? Task.CompletedTask : SaveAsync(row);
    }

    /// <summary>A field left: saved now.</summary>
    public Task CommitAsync(EntryRow row) => SaveAsync(row);

    /// <summary>A conflict resolved: keep mine (saved over theirs) or take theirs (into the inputs).</summary>
    public async Task ResolveAsync(EntryRow row, bool keepMine)
    {
        var theirs = row.Conflict!.Value;
        row.Conflict = null;
        row.Saved = theirs;
        if (keepMine)
        {
            await SaveAsync(row);
        }
        else
        {
            _dirty.Remove(row);
            ShowSaved(row);
            changed();
        }
    }

    /// <summary>Puts a row's saved value back into its inputs (taking theirs, or discarding what was typed).</summary>
    public void Discard(EntryRow row)
    {
        _dirty.Remove(row);
        row.Conflict = null;
        ShowSaved(row);
        changed();
    }

    /// <summary>Saves what is pending, then submits; the problems are listed and their categories opened.</summary>
    public async Task SubmitAsync()
    {
        Submitting = true;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        try
        {
            await SaveDirtyAsync();
            await RetryWaitingAsync(); // the values waiting for the database first (it may be back before their retry)
            if (_waiting.Count > 0)
            {
                return; // the database cannot be reached: the values first, then the submission
            }

            // Hold the save lock while submitting: a save still running (from leaving the last field) finishes first,
            // and none can start until the submission has been checked and sent.
            await _saving.WaitAsync();
            try
            {
                try
                {
                    Problems = await store.SubmitAsync(Form!.SubmissionId);
                    DatabaseUnreachable = false;
                    DatabaseCannotWrite = false;
                }
                catch (Exception e) when (DatabaseOutage.Is(e))
                {
                    DatabaseUnreachable = true;
                    DatabaseCannotWrite = DatabaseOutage.IsCannotWrite(e);
                    return;
                }

                var codes = (Problems ?? []).Select(p => p.IndicatorCode).ToHashSet();
                _open.UnionWith(Form.Categories.Where(c => c.Rows.Any(r => codes.Contains(r.Indicator.Code))).Select(c => c.Code));
            }
            finally
            {
                _saving.Release();
            }

            if (Problems is { Count: 0 })
            {
                JustSubmitted = true;
                Form = await store.OpenAsync(Form.CityCode, Form.Year);
            }
        }
        finally
        {
            Submitting = false;
        }
    }

    /// <summary>Opens the category of a row (a link to it was followed).</summary>
    public void OpenRow(string indicatorCode)
    {
        if (Form?.Categories.FirstOrDefault(c => c.Rows.Any(r => r.Indicator.Code == indicatorCode)) is { } category)
        {
            _open.Add(category.Code);
        }
    }

    /// <summary>
    /// The inputs that could not be saved (an error in them, someone else's value in the way, the database out of reach), for the browser to
    /// keep until they are fixed or discarded; null when there are none. The format is that of the keys the browser
    /// keeps while they are on their way (app.js, <c>sciEntry</c>): per indicator, the tag of the saved value typed over
    /// and the inputs.
    /// </summary>
    public string? UnsavedJson()
    {
        var unsaved = (Form?.Rows ?? []).Where(r => r.Error is not null || r.Conflict is not null || _waiting.Contains(r))
            .ToDictionary(r => r.Indicator.Code, r => new KeptInput(r.SavedTag, r.NotAvailable ? null : r.Text, r.NotAvailable, r.Reason ?? string.Empty, r.Note ?? string.Empty));
        return unsaved.Count == 0 ? null : JsonSerializer.Serialize(unsaved, KeptJson);
    }

    /// <summary>
    /// Puts inputs kept by the browser (<see cref="UnsavedJson"/>, or keys typed that had not reached the server when
    /// the page was left) back into their rows, and saves them. Where the value saved now is not the one they were typed
    /// over and someone else changed it last, they are not saved but shown beside theirs, as a conflict.
    /// </summary>
    public async Task RestoreUnsavedAsync(string json)
    {
        Dictionary<string, KeptInput>? kept;
        try
        {
            kept = JsonSerializer.Deserialize<Dictionary<string, KeptInput>>(json, KeptJson);
        }
        catch (JsonException)
        {
            return; // not ours, or from an older version: nothing to restore
        }

        if (Form is not { IsEditable: true })
        {
            return; // submitted meanwhile: what was kept is no longer wanted
        }

        // A row typed into since the form opened is left as it is: those keys are newer than anything kept (the
        // browser keeps them too, and may have read them for this very call while the person went on typing).
        var rows = (Form?.Rows ?? []).Where(r => kept?.ContainsKey(r.Indicator.Code) == true && !_touched.Contains(r)).ToList();
        var moved = rows.Where(r => kept![r.Indicator.Code].Base is { } tag && tag != r.SavedTag).ToList();
        var mine = moved.Count == 0 ? null : await store.ChangedLastByMeAsync(Form!.SubmissionId, [.. moved.Select(r => r.Indicator.Code)]);
        foreach (var row in rows)
        {
            var input = kept![row.Indicator.Code];
            row.Text = input.Value ?? row.Text;
            row.NotAvailable = input.NotAvailable ?? row.NotAvailable;
            row.Reason = input.Reason ?? row.Reason;
            row.Note = input.Note ?? row.Note;
            OpenRow(row.Indicator.Code);
            if (row.HoldsSaved())
            {
                continue; // what the browser kept is saved already: nothing was put back
            }

            if (!_restored.Contains(row.Indicator.Code))
            {
                _restored.Add(row.Indicator.Code);
                _restored.Sort(StringComparer.Ordinal);
            }

            if (moved.Contains(row) && mine?.Contains(row.Indicator.Code) != true)
            {
                row.Conflict = row.Saved; // theirs: "keep mine" saves over it, "use theirs" puts it in the inputs
                changed();
                continue;
            }

            await SaveAsync(row);
        }
    }

    /// <summary>Completes when the save the debounce started last has finished (for tests and for leaving the page).</summary>
    public Task WhenSavedAsync() => _pending;

    private Task SaveDirtyFromTimerAsync() => _pending = SaveDirtyAsync();

    private async Task SaveDirtyAsync()
    {
        foreach (var row in _dirty.ToList())
        {
            await SaveAsync(row);
        }
    }

    private async Task SaveAsync(EntryRow row)
    {
        if (Form is null || !Form.IsEditable)
        {
            return;
        }

        _sending.Add(row);
        await _saving.WaitAsync();
        try
        {
            _dirty.Remove(row);

            // The store gets a copy: keys typed while it saves change the row, not what is being saved.
            var sent = row.Copy();
            SaveResult? result;
            try
            {
                result = await store.SaveValueAsync(Form.SubmissionId, sent);
            }
            catch (Exception e) when (DatabaseOutage.Is(e))
            {
                // Kept in the row (and, through UnsavedJson, in the browser), and tried again later.
                _waiting.Add(row);
                DatabaseUnreachable = true;
                DatabaseCannotWrite = DatabaseOutage.IsCannotWrite(e);
                RetryLater();
                return;
            }

            _waiting.Remove(row);
            // Only an answer from the database says it is back: input refused by the form's own checks (Invalid) was
            // never sent, so "cannot reach the database" stays (after a refused submission too) until a save lands.
            if (result is not SaveResult.Invalid)
            {
                DatabaseUnreachable = _waiting.Count > 0 && DatabaseUnreachable;
                if (!DatabaseUnreachable)
                {
                    DatabaseCannotWrite = false;
                    _retryDelay = FirstRetry;
                }
            }

            var unchanged = row.HasSameInputAs(sent);
            switch (result)
            {
                case SaveResult.Saved saved:
                    row.Saved = saved.Value;
                    row.Conflict = null;
                    row.Error = null;
                    row.Findings = row.CheckSaved();
                    SavedAt = saved.At;
                    Problems = null;
                    break;
                case SaveResult.Invalid invalid when unchanged:
                    row.Error = invalid.Message;
                    break;
                case SaveResult.ConflictWith conflict:
                    row.Conflict = conflict.Theirs;
                    break;
                case SaveResult.Locked locked:
                    Form.Status = locked.Status; // the form turns read-only and says why
                    break;
            }
        }
        finally
        {
            _sending.Remove(row);
            _saving.Release();
            changed();
        }
    }

    /// <summary>The rows waiting for the database are saved again after a pause that grows while it stays away.</summary>
    private void RetryLater()
    {
        _retryTimer ??= time.CreateTimer(_ => _ = dispatch(RetryFromTimerAsync), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _retryTimer.Change(_retryDelay, Timeout.InfiniteTimeSpan);
        _retryDelay = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, _retryDelay.Ticks * 2));
    }

    private Task RetryFromTimerAsync() => _pending = RetryWaitingAsync();

    private async Task RetryWaitingAsync()
    {
        // A row typed into again is saved by the pause in typing instead.
        foreach (var row in _waiting.Where(r => !_dirty.Contains(r)).ToList())
        {
            await SaveAsync(row);
            if (DatabaseUnreachable && _waiting.Contains(row))
            {
                return; // still away: the next try is scheduled
            }
        }
    }

    private static void ShowSaved(EntryRow row)
    {
        row.Text = NumberInput.Format(row.Saved.Value);
        row.NotAvailable = row.Saved.NotAvailable;
        row.Reason = row.Saved.Reason;
        row.Note = row.Saved.Note;
        row.Error = null;
        row.Findings = row.CheckSaved();
    }

    /// <summary>Opens the first category with something to do (a value missing, wrong, unexplained or commented on).</summary>
    private void OpenFirstToDo()
    {
        _open.Clear();
        if (Form is null || Form.Categories.Count == 0)
        {
            return;
        }

        var todo = Form.Categories.FirstOrDefault(c => c.Rows.Any(r => !r.IsAnswered || r.NeedsComment || r.ReviewComment is not null))
            ?? Form.Categories[0];
        _open.Add(todo.Code);
    }

    /// <summary>The page is left (a link followed, the tab closed): what is typed and not yet saved is saved first.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }

        if (_retryTimer is not null)
        {
            await _retryTimer.DisposeAsync();
        }

        try
        {
            await SaveDirtyAsync();
        }
        catch (Exception e) when (e is ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The circuit is going away with its services: the browser still keeps the keys it could not see saved
            // (sciEntry in app.js) and puts them back when the form is opened again.
        }

        _saving.Dispose();
    }

    /// <summary>
    /// What the browser keeps of a row: the tag of the saved value typed over (<see cref="EntryRow.SavedTag"/>) and the
    /// inputs; an input left out (null) is left as it is.
    /// </summary>
    private sealed record KeptInput(string? Base, string? Value, bool? NotAvailable, string? Reason, string? Note);
}
