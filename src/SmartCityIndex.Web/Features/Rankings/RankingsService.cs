using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Domain.Runs;
using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>One top-level category of a run (a column of the rankings).</summary>
public sealed record RankedCategory(string Code, string NameEn, string NameZh, int Node);

/// <summary>One city's line in the rankings.</summary>
public sealed record RankingRow(
    string Code, string NameEn, string NameZh, string ProvinceEn, string ProvinceZh, CityTier Tier,
    int Rank, double Score, double[] CategoryScores, int[] CategoryRanks, int? RankChange, double Coverage,
    double RankLow, double RankHigh, bool Mine);

/// <summary>A city by its code and its names in both languages.</summary>
public sealed record CityName(string Code, string NameEn, string NameZh);

/// <summary>The rankings of a period: its newest run, with the previous period's ranks for the change.</summary>
public sealed record RankingsTable(
    int Year, IReadOnlyList<int> Years, int RunId, DateTime RunAt, bool Provisional, IReadOnlyList<CityName> MissingCities,
    int CityCount, IReadOnlyList<RankedCategory> Categories, IReadOnlyList<RankingRow> Rows, int? PreviousYear, string? Failure,
    bool CanOpenAll);

/// <summary>
/// The published rankings, read from the stored score runs (never computed on a page view). Every signed-in user sees
/// them; officials' own cities are marked. A run that failed is reported to admins only.
/// </summary>
public sealed class RankingsService(IDbContextFactory<SmartCityIndexDbContext> contextFactory, CurrentUser currentUser, ScoreRunQueue queue)
{
    /// <summary>The rankings of <paramref name="year"/> (default: the newest year with a run); null when there is none.</summary>
    public async Task<RankingsTable?> GetAsync(int? year = null, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        if (access.UserId is null)
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        if (await ScoredPeriods.ShownAsync(context, year, ct) is not (var periods, var period, var run))
        {
            return null;
        }

        var previous = periods.FirstOrDefault(p => p.Year < period.Year);
        var previousScores = previous is null ? null : await context.ScoreRunCities.AsNoTracking()
            .Where(c => c.ScoreRunId == context.ScoreRuns.Where(r => r.ReportingPeriodId == previous.Id).Max(r => r.Id))
            .ToDictionaryAsync(c => c.CityId, c => c.Score, ct);
        var results = await context.ScoreRunCities.AsNoTracking().Where(c => c.ScoreRunId == run.Id).ToListAsync(ct);
        var changes = previousScores is null ? null : RankChanges(results.ToDictionary(r => r.CityId, r => r.Score), previousScores);
        var cities = await context.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var byCode = cities.Values.ToDictionary(c => c.Code);

        var nodes = ScoreRunner.RunNode.Parse(run.Structure);
        var categories = RunTree.Categories(nodes);
        var rows = results.OrderBy(r => r.Rank).Select(r =>
        {
            var city = cities[r.CityId];
            var scores = r.NodeScoreValues();
            var ranks = r.NodeRankValues();
            return new RankingRow(city.Code, city.NameEn, city.NameZh, city.ProvinceEn, city.ProvinceZh, city.Tier, r.Rank, r.Score,
                [.. categories.Select(c => scores[c.Node])], [.. categories.Select(c => ranks[c.Node])],
                changes is not null && changes.TryGetValue(r.CityId, out var change) ? change : null,
                r.Coverage, r.RankLow, r.RankHigh, access.IsOfficial && access.CityIds.Contains(r.CityId));
        }).ToList();

        return new RankingsTable(period.Year, [.. periods.Select(p => p.Year)], run.Id, run.CreatedAt, run.IsProvisional,
            [.. ScoredPeriods.MissingCodes(run).Select(code => byCode.TryGetValue(code, out var c) ? new CityName(c.Code, c.NameEn, c.NameZh) : new CityName(code, code, code))],
            rows.Count, categories, rows, previous?.Year,
            access.IsAdmin ? queue.FailureOf(period.Id) : null, access.SeesAllCities);
    }

    /// <summary>
    /// Places gained since the previous period, among the cities ranked in both: comparing a rank among the 15 cities
    /// approved so far with one among last year's 36 would read as movement that is only a different field.
    /// </summary>
    public static Dictionary<int, int> RankChanges(IReadOnlyDictionary<int, double> now, IReadOnlyDictionary<int, double> before)
    {
        var common = now.Keys.Where(before.ContainsKey).ToList();
        static Dictionary<int, int> Ranks(IEnumerable<int> cities, IReadOnlyDictionary<int, double> scores) =>
            cities.OrderByDescending(c => scores[c]).ThenBy(c => c).Select((c, i) => (c, i + 1)).ToDictionary(x => x.c, x => x.Item2);
        var ranksNow = Ranks(common, now);
        var ranksBefore = Ranks(common, before);
        return common.ToDictionary(c => c, c => ranksBefore[c] - ranksNow[c]);
    }
}

/// <summary>The reporting periods that have a score run, and the newest run of one.</summary>
internal static class ScoredPeriods
{
    public sealed record Period(int Id, int Year);

    /// <summary>The scored periods, newest first, and the one of <paramref name="year"/> (default: the newest), or null.</summary>
    private static async Task<(List<Period> All, Period? Chosen)> FindAsync(SmartCityIndexDbContext context, int? year, CancellationToken ct)
    {
        var periods = await context.ReportingPeriods.AsNoTracking()
            .Where(p => context.ScoreRuns.Any(r => r.ReportingPeriodId == p.Id))
            .OrderByDescending(p => p.Year).Select(p => new Period(p.Id, p.Year)).ToListAsync(ct);
        return (periods, year is { } y ? periods.FirstOrDefault(p => p.Year == y) : periods.FirstOrDefault());
    }

    /// <summary>The codes of the cities a run could not rank (no approved data).</summary>
    public static string[] MissingCodes(ScoreRun run) => run.MissingCities.Length == 0 ? [] : run.MissingCities.Split(',');

    /// <summary>
    /// What the rankings and method pages show for <paramref name="year"/> (default: the newest scored year): every
    /// scored period, the chosen one and its newest run; null when that year has no run.
    /// </summary>
    public static async Task<(List<Period> All, Period Chosen, ScoreRun Run)?> ShownAsync(SmartCityIndexDbContext context, int? year, CancellationToken ct)
    {
        var (periods, period) = await FindAsync(context, year, ct);
        if (period is null)
        {
            return null;
        }

        var run = await context.ScoreRuns.AsNoTracking().Where(r => r.ReportingPeriodId == period.Id).OrderByDescending(r => r.Id).FirstAsync(ct);
        return (periods, period, run);
    }
}

/// <summary>Reading a run's stored tree: its top-level categories and which of them an indicator belongs to.</summary>
internal static class RunTree
{
    /// <summary>The categories directly under the index, with their position in the run's arrays.</summary>
    public static List<RankedCategory> Categories(IReadOnlyList<ScoreRunner.RunNode> nodes) =>
        [.. nodes.Select((n, i) => (n, i)).Where(x => x.n.Parent == ScoreRunner.IndexCode).Select(x => new RankedCategory(x.n.Code, x.n.NameEn, x.n.NameZh, x.i))];

    /// <summary>The code of the top-level category above node <paramref name="node"/>.</summary>
    public static string CategoryOf(IReadOnlyList<ScoreRunner.RunNode> nodes, int node)
    {
        var current = nodes[node];
        while (current.Parent is { } parent && parent != ScoreRunner.IndexCode)
        {
            current = nodes.First(n => n.Code == parent);
        }

        return current.Code;
    }
}
