using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// The rankings of a year as a table that filters, sorts and searches; the view is the address's query
/// (<see cref="RankingsQuery"/>), replaced rather than pushed as it changes, so that back leaves the page.
/// </summary>
public sealed partial class RankingsPage
{
    /// <summary>Up to this many rows, all are in the page (and print); above, they are virtualised.</summary>
    public const int PlainRowsUpTo = 100;

    private const int ChartRows = 25;
    private RankingsTable? _rankings;
    private int? _loadedYear;
    private bool _loading = true;
    private List<RankingRow> _view = [];
    private List<(string En, string Zh)> _provinces = [];
    private RankingsQuery _query = new();
    private string _searchShown = string.Empty;
    private int _searchKey;
    private bool _printing;
    private bool _printRequested;
    private readonly List<RankingsQuery> _ownNavigations = [];

    [Inject]
    private RankingsService Rankings { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private IJSRuntime JS { get; set; } = null!;

    [Inject]
    private IStringLocalizer<SharedResource> L { get; set; } = null!;

    [Inject]
    private BrowserTime Time { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "year")]
    public string? YearQuery { get; set; }

    [SupplyParameterFromQuery(Name = "q")]
    public string? Search { get; set; }

    [SupplyParameterFromQuery]
    public string? Province { get; set; }

    [SupplyParameterFromQuery]
    public string? Tier { get; set; }

    [SupplyParameterFromQuery]
    public string? Sort { get; set; }

    [SupplyParameterFromQuery(Name = "desc")]
    public string? DescendingQuery { get; set; }

    private int? Year => Components.QueryValue.Int(YearQuery);

    private bool? Descending => Components.QueryValue.Bool(DescendingQuery);

    protected override async Task OnParametersSetAsync()
    {
        var query = RankingsQuery.From(Year, Search, Province, Tier, Sort, Descending);
        if (_rankings is null || query.Year != _loadedYear)
        {
            _loading = true;
            _rankings = await Rankings.GetAsync(query.Year);
            _loadedYear = query.Year;
            _provinces = _rankings?.Rows.Select(r => (r.ProvinceEn, r.ProvinceZh)).Distinct()
                .OrderBy(p => LocalizationSetup.Pick(p.ProvinceEn, p.ProvinceZh), StringComparer.CurrentCulture).ToList() ?? [];
            _loading = false;
        }

        // Our own address changes come back here after a round trip to the browser, when the page may already show a
        // newer view (someone typing on): those are not news. Only a change from elsewhere (a link, the year tabs) sets
        // the view, and the search box, which is otherwise never written while someone types in it.
        var own = _ownNavigations.IndexOf(query);
        if (own >= 0)
        {
            _ownNavigations.RemoveRange(0, own + 1);
            return;
        }

        if (query.Search != _query.Search)
        {
            _searchShown = query.Search;
            _searchKey++;
        }

        _query = query;
        Refresh();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The run's time is stored in UTC: once the browser has said its time zone, show it in it.
        if (firstRender && RendererInfo.IsInteractive && await Time.EnsureAsync())
        {
            StateHasChanged();
        }

        if (_printRequested)
        {
            // Every row is in the page now (see the table's body): print, then virtualise again.
            _printRequested = false;
            await JS.InvokeVoidAsync("sciPrint");
            _printing = false;
            StateHasChanged();
        }
    }

    private void Show(RankingsQuery query)
    {
        _query = query;
        Refresh();
        _ownNavigations.Add(query);
        Navigation.NavigateTo(query.PageUri, replace: true);
    }

    private void Refresh() => _view = _rankings is null ? [] : _query.Apply(_rankings);

    private void Print()
    {
        _printing = true;
        _printRequested = true;
    }

    private string ExportUri(string format) => (_query with { Year = _rankings?.Year ?? _query.Year }).ExportUri(format);
}
