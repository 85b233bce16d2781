using System.Net;
using System.Text;
using Microsoft.AspNetCore.Components;
using SmartCityIndex.Domain.Submissions;

namespace SmartCityIndex.Web.Features.Submissions;

/// <summary>
/// One indicator of the entry form. Every change to the row goes through the form's view model (its one owner); the
/// row renders again only when something it shows has changed, and what it says about its indicator (code, name,
/// unit, ranges, last year, description, history link) is one markup string made once per row.
/// </summary>
public sealed partial class EntryRowEditor
{
    private EntryRow? _headerFor;
    private MarkupString _header;

    /// <summary>
    /// Everything the row shows that can change while the form is open: the row renders again only when this has
    /// changed (after typing, a save, a conflict), not each time the page does; so an open form keeps one render tree
    /// per row rather than two.
    /// </summary>
    private (string Text, bool NotAvailable, string? Reason, string? Note, string? Error, ValueSnapshot? Conflict,
        IReadOnlyList<ValueFinding> Findings, string? ReviewComment, bool Editable, ValueSnapshot Saved, bool Pending)? _rendered;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Parameter, EditorRequired]
    public EntryRow Row { get; set; } = default!;

    [Parameter]
    public bool Editable { get; set; }

    /// <summary>The submission's history page; the row links to its own indicator's history there.</summary>
    [Parameter]
    public string? HistoryHref { get; set; }

    /// <summary>The form's state: every change to the row goes through it.</summary>
    [Parameter, EditorRequired]
    public EntryFormViewModel Model { get; set; } = default!;

    private (string, bool, string?, string?, string?, ValueSnapshot?, IReadOnlyList<ValueFinding>, string?, bool, ValueSnapshot, bool) Shown =>
        (Row.Text, Row.NotAvailable, Row.Reason, Row.Note, Row.Error, Row.Conflict, Row.Findings, Row.ReviewComment, Editable, Row.Saved, Model.IsPending(Row));

    /// <summary>"INF01 Households with Internet access", for the labels of the row's inputs.</summary>
    private string Name => $"{Row.Indicator.Code} {LocalizationSetup.Pick(Row.Indicator.NameEn, Row.Indicator.NameZh)}";

    protected override bool ShouldRender() => _rendered != Shown;

    protected override void OnParametersSet()
    {
        // What the row says about its indicator never changes while the form is open: one markup string instead
        // of some thirty render-tree frames per row, kept twice by the renderer, for every row of every open form.
        if (!ReferenceEquals(_headerFor, Row))
        {
            _header = new MarkupString(Header());
            _headerFor = Row;
        }
    }

    private string Header()
    {
        static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);
        var indicator = Row.Indicator;
        var colon = L[nameof(Keys.Colon)];
        var html = new StringBuilder("<div class=\"entry-what\"><div class=\"entry-name\"><code>")
            .Append(E(indicator.Code)).Append("</code> ").Append(E(LocalizationSetup.Pick(indicator.NameEn, indicator.NameZh)));
        if (HistoryHref is not null)
        {
            var history = E(L[nameof(Keys.ValueHistory)]);
            html.Append(" <a href=\"").Append(E($"{HistoryHref}?indicator={Uri.EscapeDataString(indicator.Code)}")).Append("\" class=\"history-link\" title=\"")
                .Append(history).Append("\" data-testid=\"value-history\">").Append(history).Append("</a>");
        }

        html.Append("</div><div class=\"entry-meta\">").Append(E(L[nameof(Keys.UnitLabel)] + colon + L.Unit(indicator.Unit)));
        if (indicator.HardRange is { } hard)
        {
            html.Append("<span> · ").Append(E($"{L[nameof(Keys.HardRangeLabel)]}{colon}{NumberInput.Format(hard.Min)}–{NumberInput.Format(hard.Max)}")).Append("</span>");
        }

        if (indicator.PlausibleRange is { } plausible)
        {
            html.Append("<span> · ").Append(E($"{L[nameof(Keys.PlausibleRangeLabel)]}{colon}{NumberInput.Format(plausible.Min)}–{NumberInput.Format(plausible.Max)}")).Append("</span>");
        }

        html.Append("<span> · ").Append(E($"{L[nameof(Keys.LastYearLabel)]}{colon}{(Row.LastYear is { } ly ? NumberInput.Format(ly) : "—")}")).Append("</span></div>");
        if (!string.IsNullOrEmpty(indicator.Description))
        {
            html.Append("<div class=\"entry-meta\">").Append(E(indicator.Description)).Append("</div>");
        }

        return html.Append("</div>").ToString();
    }

    private Task Commit() => Model.CommitAsync(Row);

    private Task ToggleNotAvailable(bool notAvailable) => Model.SetNotAvailableAsync(Row, notAvailable);

    private Task UseTheirs() => Model.ResolveAsync(Row, keepMine: false);

    private Task KeepMine() => Model.ResolveAsync(Row, keepMine: true);

    private void Discard() => Model.Discard(Row);

    private string Describe(ValueFinding finding) => FindingText.Describe(L, finding);
}
