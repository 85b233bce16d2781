using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;
using SmartCityIndex.Web.Features.Submissions;

namespace SmartCityIndex.Web.Features.Import;

/// <summary>The import under the entry form: templates, the upload's dry run (changes, notes, warnings, problems) and applying it.</summary>
public partial class ImportPanel
{
    private ImportPreview? _preview;
    private string? _message;
    private Severity _severity = Severity.Info;
    private bool _busy;

    [Parameter, EditorRequired]
    public string CityCode { get; set; } = string.Empty;

    [Parameter]
    public int Year { get; set; }

    /// <summary>After a successful import the page reloads its values.</summary>
    [Parameter]
    public EventCallback OnImported { get; set; }

    private async Task PreviewAsync(InputFileChangeEventArgs e)
    {
        _preview = null;
        _message = null;
        if (e.File.Size > ImportFile.MaxBytes)
        {
            (_severity, _message) = (Severity.Error, L[nameof(Keys.ImportTooLarge), e.File.Name, (e.File.Size / 1024.0 / 1024).ToString("0.#")]);
            return;
        }

        _busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await e.File.OpenReadStream(ImportFile.MaxBytes).CopyToAsync(buffer);
            _preview = await Import.PreviewAsync(CityCode, Year, buffer.ToArray(), e.File.Name);
        }
        finally
        {
            _busy = false; // never a progress bar that turns for ever
        }
    }

    private async Task ApplyAsync()
    {
        var applied = await Import.ApplyAsync(_preview!);
        (_severity, _message) = applied
            ? (Severity.Success, (_preview!.Changes.Count == 1 ? L[nameof(Keys.ImportAppliedOne)] : L[nameof(Keys.ImportApplied), _preview.Changes.Count]).Value)
            : (Severity.Warning, L[nameof(Keys.ImportStale)].Value);
        _preview = null;
        if (applied)
        {
            await OnImported.InvokeAsync();
        }
    }

    private string Show(ValueSnapshot v) =>
        v.NotAvailable ? $"{L[nameof(Keys.NotAvailable)]}: {v.Reason}" : v.Value is { } value ? NumberInput.Format(value) : "—";

    private string ShowNote(ValueSnapshot v) =>
        string.IsNullOrWhiteSpace(v.Note) ? L[nameof(Keys.ImportNoNote)] : L[nameof(Keys.ImportNote), v.Note];

    private string Describe(ValueFinding finding) => FindingText.Describe(L, finding);
}
