using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace SmartCityIndex.Web.Features.Review;

/// <summary>
/// One submission under review: its values with flags, per-value comments, the decisions, and the history. A decision
/// sends the concurrency stamp the page loaded; when someone changed the submission meanwhile the page says so and
/// reloads, keeping the comments typed so far.
/// </summary>
public sealed partial class ReviewPage
{
    private readonly Dictionary<int, string> _comments = [];
    private readonly HashSet<int> _openComments = [];
    private ReviewDetail? _detail;
    private Notice? _notice;
    private bool _busy;
    private bool _changedOnly;

    [Inject]
    private BrowserTime Time { get; set; } = default!;

    [Inject]
    private ReviewService Review { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Parameter]
    public int SubmissionId { get; set; }

    private string Heading => _detail is null
        ? L[nameof(Keys.Review_QueueTitle)]
        : L[nameof(Keys.Review_Heading), LocalizationSetup.Pick(_detail.CityEn, _detail.CityZh), _detail.Year];

    protected override async Task OnParametersSetAsync()
    {
        _comments.Clear();
        _openComments.Clear();
        _notice = null;
        await LoadAsync();
    }

    private async Task<bool> LoadAsync()
    {
        _detail = await Review.GetAsync(SubmissionId);
        if (_detail is null)
        {
            // Unknown id and no access look the same: the not-found page (404 when prerendering).
            Navigation.NotFound();
            return false;
        }

        return true;
    }

    private async Task ApproveAsync()
    {
        var typed = _comments.Count(c => !string.IsNullOrWhiteSpace(c.Value));
        var comment = await AskAsync(
            L[nameof(Keys.Review_ApproveTitle)], L[nameof(Keys.Review_ApproveMessage)], typed > 0 ? L[nameof(Keys.Review_ApproveDropsComments), typed].Value : null,
            L[nameof(Keys.Review_ApproveComment)], required: false, L[nameof(Keys.Review_Approve)], Color.Success);
        if (comment is not null)
        {
            await DecideAsync(() => Review.ApproveAsync(SubmissionId, _detail!.ConcurrencyStamp, comment), L[nameof(Keys.Review_Approved)]);
        }
    }

    private async Task ReturnAsync()
    {
        var typed = _comments.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value);
        var comment = await AskAsync(
            L[nameof(Keys.Review_ReturnTitle)], L[nameof(Keys.Review_ReturnMessage)],
            typed.Count > 0 ? L[nameof(Keys.Review_ReturnWithComments), typed.Count] : L[nameof(Keys.Review_ReturnNoValueComments)],
            L[nameof(Keys.Review_ReturnComment)], required: true, L[nameof(Keys.Review_Return)], Color.Warning);
        if (comment is not null)
        {
            await DecideAsync(() => Review.ReturnAsync(SubmissionId, _detail!.ConcurrencyStamp, comment, typed), L[nameof(Keys.Review_Returned)]);
        }
    }

    private async Task ReopenAsync()
    {
        var reason = await AskAsync(
            L[nameof(Keys.Review_ReopenTitle)], L[nameof(Keys.Review_ReopenMessage)], null, L[nameof(Keys.Review_ReopenReason)], required: true, L[nameof(Keys.Review_Reopen)], Color.Secondary);
        if (reason is not null)
        {
            await DecideAsync(() => Review.ReopenAsync(SubmissionId, _detail!.ConcurrencyStamp, reason), L[nameof(Keys.Review_Reopened)]);
        }
    }

    /// <summary>Shows the decision dialog; the comment typed (possibly empty), or null when cancelled.</summary>
    private async Task<string?> AskAsync(string title, string message, string? note, string label, bool required, string confirm, Color color)
    {
        var parameters = new DialogParameters<DecisionDialog>
        {
            { d => d.Title, title },
            { d => d.Message, message },
            { d => d.Note, note },
            { d => d.Label, label },
            { d => d.CommentRequired, required },
            { d => d.ConfirmText, confirm },
            { d => d.ConfirmColor, color },
        };
        var dialog = await Dialogs.ShowAsync<DecisionDialog>(title, parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string text } ? text : null;
    }

    private async Task DecideAsync(Func<Task<ReviewOutcome>> decide, string doneText)
    {
        _busy = true;
        try
        {
            var outcome = await decide();
            switch (outcome)
            {
                case ReviewOutcome.Done:
                    _comments.Clear();
                    _openComments.Clear();
                    _notice = null;
                    Snackbar.Add(doneText, Severity.Success);
                    await LoadAsync();
                    break;
                case ReviewOutcome.Conflict:
                case ReviewOutcome.WrongStatus:
                    // Reload, keep what the evaluator typed, and say clearly that nothing was saved.
                    if (await LoadAsync())
                    {
                        _notice = new Notice(Severity.Warning, L[nameof(Keys.Review_Conflict), L[$"Status_{_detail!.Status}"]], "conflict");
                    }

                    break;
                case ReviewOutcome.NotAllowed:
                    _notice = new Notice(Severity.Error, L[nameof(Keys.Review_NotAllowed)], "not-allowed");
                    break;
                case ReviewOutcome.CommentRequired:
                    _notice = new Notice(Severity.Error, L[nameof(Keys.Review_CommentRequired)], "comment-required");
                    break;
                case ReviewOutcome.CommentTooLong:
                    // Nothing saved; the value comments stay in the page to be shortened.
                    _notice = new Notice(Severity.Error, L[nameof(Keys.Review_CommentTooLong)], "comment-too-long");
                    break;
                default:
                    await LoadAsync();
                    break;
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private void ToggleComment(ReviewValueRow row)
    {
        if (!_openComments.Remove(row.IndicatorId))
        {
            _openComments.Add(row.IndicatorId);
        }
    }

    private void SetComment(ReviewValueRow row, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            _comments.Remove(row.IndicatorId);
        }
        else
        {
            _comments[row.IndicatorId] = text;
        }
    }

    private bool HasComment(ReviewValueRow row) => _comments.ContainsKey(row.IndicatorId);

    private int FlagCount(Func<ReviewFlag, bool> predicate) => _detail?.Rows.Sum(r => r.Flags.Count(predicate)) ?? 0;

    private string FlagText(ReviewFlag flag) => flag.Kind switch
    {
        ReviewFlagKind.OutsidePlausibleRange => L[nameof(Keys.Review_FlagPlausible), Number(flag.Low), Number(flag.High)],
        ReviewFlagKind.OutsideHardRange => L[nameof(Keys.Review_FlagHard), Number(flag.Low), Number(flag.High)],
        ReviewFlagKind.LargeChange => L[nameof(Keys.Review_FlagChange), (flag.ChangeRatio ?? 0m).ToString("+0%;-0%", CultureInfo.CurrentCulture)],
        ReviewFlagKind.Outlier => L[nameof(Keys.Review_FlagOutlier), (flag.Z ?? 0).ToString("0.0", CultureInfo.CurrentCulture)],
        _ => flag.Kind.ToString(),
    };

    private static Color FlagColor(ReviewFlag flag) => flag.Kind switch
    {
        ReviewFlagKind.OutsideHardRange => Color.Error,
        ReviewFlagKind.Outlier => Color.Error,
        ReviewFlagKind.LargeChange => Color.Secondary,
        _ => Color.Warning,
    };

    private static string FlagIcon(ReviewFlag flag) => flag.Kind switch
    {
        ReviewFlagKind.LargeChange => flag.ChangeRatio >= 0 ? Icons.Material.Outlined.TrendingUp : Icons.Material.Outlined.TrendingDown,
        ReviewFlagKind.Outlier => Icons.Material.Outlined.ScatterPlot,
        _ => Icons.Material.Outlined.WarningAmber,
    };

    private static string? RowClass(ReviewValueRow row) =>
        string.Join(' ', new[] { row.Flags.Count > 0 ? "flagged" : null, row.ChangedSinceReturn ? "changed" : null }.OfType<string>()) is { Length: > 0 } c ? c : null;

    /// <summary>A value at the return as the value column shows one: the number, "not available" or "not answered".</summary>
    private string ValueText(ReviewedValue value) => value.NotAvailable
        ? L[nameof(Keys.Review_NotAvailable)]
        : value.Value is { } v ? Number(v) : L[nameof(Keys.Review_Missing)];

    /// <summary>A note at the return as the note column shows one: the reason when not available, the note, or "no note".</summary>
    private string NoteText(ReviewedValue value)
    {
        var parts = new[] { value.NotAvailable ? $"{L[nameof(Keys.Review_Reason)]}: {value.Reason}" : null, value.Note }.OfType<string>().ToList();
        return parts.Count > 0 ? string.Join(" · ", parts) : L[nameof(Keys.Review_NoNote)];
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString("#,0.######", CultureInfo.CurrentCulture) : "—";

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Times are stored in UTC: once the browser has said its time zone, show them in it.
        if (firstRender && RendererInfo.IsInteractive && await Time.EnsureAsync())
        {
            StateHasChanged();
        }
    }

    private string Utc(DateTime at) => Time.Format(at);

    // Units are data in one language; the common ones have a translation under "Unit_<unit>".
    private string UnitText(string unit) => L[$"Unit_{unit}"] is { ResourceNotFound: false } translated ? translated.Value : unit;

    private sealed record Notice(Severity Severity, string Text, string TestId);
}
