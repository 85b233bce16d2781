using Microsoft.AspNetCore.WebUtilities;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>
/// What the rankings page shows: the year, the search, the province and tier filters and the sort. It lives in the
/// address (<c>rankings?year=2024&amp;q=hang&amp;tier=First&amp;sort=composite&amp;desc=true</c>), so that a link or a reload
/// shows the same view, and the downloads take the same query, so that what the page shows is what downloads.
/// </summary>
public sealed record RankingsQuery(int? Year = null, string Search = "", string Province = "", string Tier = "", string Sort = RankingsQuery.DefaultSort, bool Descending = false)
{
    /// <summary>Rank order, best first: the page as it opens.</summary>
    public const string DefaultSort = "rank";

    /// <summary>From the address's parameters, any of which may be missing.</summary>
    public static RankingsQuery From(int? year, string? search, string? province, string? tier, string? sort, bool? descending) =>
        new(year, search ?? string.Empty, province ?? string.Empty, tier ?? string.Empty, string.IsNullOrEmpty(sort) ? DefaultSort : sort, descending ?? false);

    /// <summary>
    /// Sorted by another column, or the other way round on the same one. The first click on a score sorts best first;
    /// on rank, city, change and interval, smallest first.
    /// </summary>
    public RankingsQuery SortedBy(string key) => this with
    {
        Sort = key,
        Descending = key == Sort ? !Descending : key.StartsWith("category-", StringComparison.Ordinal) || key is "composite" or "coverage" or "change",
    };

    /// <summary>The rows of <paramref name="table"/> that this view shows, in its order.</summary>
    public List<RankingRow> Apply(RankingsTable table) => RankingView.Apply(table, Search, Province, Tier, Sort, Descending);

    /// <summary>The query string (without <c>?</c>), defaults left out.</summary>
    public string ToQueryString()
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        void Add(string name, string value, string omitted = "")
        {
            if (value != omitted)
            {
                parameters.Add(new(name, value));
            }
        }

        Add("year", Year?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        Add("q", Search);
        Add("province", Province);
        Add("tier", Tier);
        Add("sort", Sort, DefaultSort);
        Add("desc", Descending ? "true" : string.Empty);
        return QueryHelpers.AddQueryString(string.Empty, parameters).TrimStart('?');
    }

    /// <summary>The page's address for this view, relative to the base.</summary>
    public string PageUri => With("rankings");

    /// <summary>The download of this view as <paramref name="format"/> (<c>csv</c> or <c>xlsx</c>).</summary>
    public string ExportUri(string format) => With($"rankings/export.{format}");

    private string With(string path) => ToQueryString() is { Length: > 0 } query ? $"{path}?{query}" : path;
}
