using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>
/// The entry form's wiring: the view model holds the state and the rules; this forwards the page's events to it,
/// renders when it changes, keeps the inputs it could not save in the browser (<c>sciUnsaved*</c> in app.js), and puts
/// back what the browser kept of a form left before its keys were saved (<c>sciEntry</c>).
/// </summary>
public sealed partial class EntryPage
{
    private string _historyHref = string.Empty;
    private bool _loading = true;
    private bool _confirming;
    private bool _focusConfirm;
    private string? _unsavedWritten;
    private bool _restored;
    private bool _restoreDone;

    [Inject]
    private SubmissionEntryService Submissions { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private BrowserTime Time { get; set; } = default!;

    [Inject]
    private TimeProvider Clock { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public string CityCode { get; set; } = string.Empty;

    [Parameter]
    public int Year { get; set; }

    private EntryFormViewModel Model { get; set; } = default!;

    private EntryForm? Form => Model.Form;

    private string CityName => Form is null ? CityCode : LocalizationSetup.Pick(Form.CityEn, Form.CityZh);

    /// <summary>The inputs the server could not save, kept in the browser (the page writes it).</summary>
    private string UnsavedKey => $"sci-unsaved/{CityCode}/{Year}";

    /// <summary>The keys typed that the browser has not yet seen saved (app.js writes it).</summary>
    private string TypedKey => $"sci-typed/{CityCode}/{Year}";

    protected override void OnInitialized() =>
        Model = new EntryFormViewModel(Submissions, Clock, InvokeAsync, () => _ = InvokeAsync(StateHasChanged));

    protected override async Task OnParametersSetAsync()
    {
        _historyHref = $"/submissions/{CityCode}/{Year}/history";
        _loading = true;
        _restored = false;
        _restoreDone = false;
        await Model.LoadAsync(CityCode, Year);
        _loading = false;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!RendererInfo.IsInteractive)
        {
            return;
        }

        if (await Time.EnsureAsync())
        {
            StateHasChanged();
        }

        if (Form is null || _loading)
        {
            return;
        }

        if (!_restored)
        {
            // What could not be saved last time (an error in it, a conflict), then the keys typed that had not been
            // seen saved when the page was left: typed back into their rows and saved, or checked again.
            _restored = true;
            _unsavedWritten = await JS.InvokeAsync<string?>("sciUnsavedRead", UnsavedKey);
            var typed = await JS.InvokeAsync<string?>("sciUnsavedRead", TypedKey);
            foreach (var kept in new[] { _unsavedWritten, typed }.Where(k => !string.IsNullOrEmpty(k)))
            {
                await Model.RestoreUnsavedAsync(kept!);
            }

            _restoreDone = true; // from now on the browser may forget what it sees saved
            StateHasChanged();
            return;
        }

        var unsaved = Model.UnsavedJson();
        if (unsaved != _unsavedWritten)
        {
            _unsavedWritten = unsaved;
            await JS.InvokeVoidAsync("sciUnsavedWrite", UnsavedKey, unsaved);
        }

        if (_focusConfirm)
        {
            _focusConfirm = false;
            await JS.InvokeVoidAsync("sciFocusRow", "submit-confirmation");
        }
    }

    private string RowHref(string code) => $"{Navigation.Uri.Split('#')[0]}#row-{code}";

    /// <summary>A link to a row: its category opens, the row scrolls into view below the app bar and its input takes focus.</summary>
    private async Task FocusRowAsync(string code)
    {
        Model.OpenRow(code);
        StateHasChanged();
        await Task.Yield();
        await JS.InvokeVoidAsync("sciFocusRow", $"row-{code}");
    }

    private async Task ReloadAsync() => await Model.LoadAsync(CityCode, Year);

    /// <summary>The form could not be opened (the database out of reach): opened again, then what the browser kept is put back.</summary>
    private async Task RetryOpenAsync()
    {
        _restored = false;
        _restoreDone = false;
        await Model.LoadAsync(CityCode, Year);
    }

    private void AskToSubmit()
    {
        _confirming = true;
        _focusConfirm = true;
    }

    private void CancelSubmit() => _confirming = false;

    private async Task SubmitAsync()
    {
        await Model.SubmitAsync();
        _confirming = false;
    }

    public ValueTask DisposeAsync() => Model.DisposeAsync();
}
