using Microsoft.EntityFrameworkCore;
using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Domain.Runs;
using SmartCityIndex.Infrastructure.Persistence;
using SmartCityIndex.Infrastructure.Scoring;
using SmartCityIndex.Web.Features.Account;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>One top-level category of a run (a column of the rankings).</summary>
public sealed record RankedCategory(string Code, string NameEn, string NameZh, int Node);

/// <summary>One city's line in the rankings.</summary>
public sealed record RankingRow(
    string Code, string NameEn, string NameZh, string ProvinceEn, string ProvinceZh, CityTier Tier,
    int Rank, double Score, double[] CategoryScores, int[] CategoryRanks, int? RankChange, double Coverage,
    double RankLow, double RankHigh, bool Mine);

/// <summary>The rankings of a period: its newest run, with the previous period's ranks for the change.</summary>
public sealed record Rankings(
    int Year, IReadOnlyList<int> Years, int RunId, DateTime RunAt, bool Provisional, IReadOnlyList<string> MissingCities,
    int CityCount, IReadOnlyList<RankedCategory> Categories, IReadOnlyList<RankingRow> Rows, int? PreviousYear, string? Failure,
    bool CanOpenAll);

/// <summary>
/// The published rankings, read from the stored score runs (never computed on a page view). Every signed-in user sees
/// them; officials' own cities are marked. A run that failed is reported to admins only.
/// </summary>
public sealed class RankingsService(IDbContextFactory<SmartCityIndexDbContext> contextFactory, CurrentUser currentUser, ScoreRunQueue queue)
{
    /// <summary>The rankings of <paramref name="year"/> (default: the newest year with a run); null when there is none.</summary>
    public async Task<Rankings?> GetAsync(int? year = null, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        if (access.UserId is null)
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var (periods, period) = await ScoredPeriods.FindAsync(context, year, ct);
        if (period is null)
        {
            return null;
        }

        var run = await ScoredPeriods.NewestRunAsync(context, period.Id, ct);
        var previous = periods.FirstOrDefault(p => p.Year < period.Year);
        var previousScores = previous is null ? null : await context.ScoreRunCities.AsNoTracking()
            .Where(c => c.ScoreRunId == context.ScoreRuns.Where(r => r.ReportingPeriodId == previous.Id).Max(r => r.Id))
            .ToDictionaryAsync(c => c.CityId, c => c.Score, ct);
        var results = await context.ScoreRunCities.AsNoTracking().Where(c => c.ScoreRunId == run.Id).ToListAsync(ct);
        var changes = previousScores is null ? null : RankChanges(results.ToDictionary(r => r.CityId, r => r.Score), previousScores);
        var cities = await context.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);

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

        return new Rankings(period.Year, [.. periods.Select(p => p.Year)], run.Id, run.CreatedAt, run.IsProvisional,
            run.MissingCities.Length == 0 ? [] : run.MissingCities.Split(','), rows.Count, categories, rows, previous?.Year,
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

/// <summary>One indicator's weight as the composite applies it: its share of its category times the category's share.</summary>
public sealed record EffectiveWeight(string Code, string NameEn, string NameZh, string CategoryCode, double Weight);

/// <summary>How a run was made, for the method page.</summary>
public sealed record RunDescription(
    int RunId, int Year, IReadOnlyList<int> Years, DateTime CreatedAt, string FrameworkName, int FrameworkVersion, string EngineVersion,
    string InputsHash, string Trigger, int DurationMs, int CityCount, IReadOnlyList<string> MissingCities, string Settings,
    IReadOnlyList<RankedCategory> Categories, IReadOnlyList<double> CategoryWeights, IReadOnlyList<EffectiveWeight> Weights);

/// <summary>Reads how the newest run of a year was made.</summary>
public sealed class MethodService(IDbContextFactory<SmartCityIndexDbContext> contextFactory, CurrentUser currentUser)
{
    /// <summary>The run of <paramref name="year"/> (default: the newest with a run), or null.</summary>
    public async Task<RunDescription?> GetAsync(int? year = null, CancellationToken ct = default)
    {
        if ((await currentUser.GetAsync(ct)).UserId is null)
        {
            return null;
        }

        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var (periods, period) = await ScoredPeriods.FindAsync(context, year, ct);
        if (period is null)
        {
            return null;
        }

        var run = await ScoredPeriods.NewestRunAsync(context, period.Id, ct);
        var framework = await context.Frameworks.AsNoTracking().Where(f => f.Id == run.FrameworkId).Select(f => new { f.Name, f.Version }).SingleAsync(ct);
        var cities = await context.ScoreRunCities.CountAsync(c => c.ScoreRunId == run.Id, ct);
        var nodes = ScoreRunner.RunNode.Parse(run.Structure);
        var categories = RunTree.Categories(nodes);
        return new RunDescription(run.Id, period.Year, [.. periods.Select(p => p.Year).Order()], run.CreatedAt, framework.Name, framework.Version,
            run.EngineVersion, run.InputsHash, run.Trigger, run.DurationMs, cities, run.MissingCities.Length == 0 ? [] : run.MissingCities.Split(','),
            run.Settings, categories, [.. categories.Select(c => Share(nodes, nodes[c.Node]))], EffectiveWeights(nodes));
    }

    /// <summary>Each indicator's effective weight in the composite (they add up to 1).</summary>
    public static IReadOnlyList<EffectiveWeight> EffectiveWeights(IReadOnlyList<ScoreRunner.RunNode> nodes) =>
        [.. nodes.Select((n, i) => (n, i)).Where(x => x.n.Level == 1).Select(x =>
        {
            var weight = 1.0;
            for (var current = x.n; current.Parent is { } parent; current = nodes.First(p => p.Code == parent))
            {
                weight *= Share(nodes, current);
            }

            return new EffectiveWeight(x.n.Code, x.n.NameEn, x.n.NameZh, RunTree.CategoryOf(nodes, x.i), weight);
        })];

    private static double Share(IReadOnlyList<ScoreRunner.RunNode> nodes, ScoreRunner.RunNode node) =>
        node.Weight / nodes.Where(s => s.Parent == node.Parent).Sum(s => s.Weight);
}

/// <summary>The reporting periods that have a score run, and the newest run of one.</summary>
internal static class ScoredPeriods
{
    public sealed record Period(int Id, int Year);

    /// <summary>The scored periods, newest first, and the one of <paramref name="year"/> (default: the newest), or null.</summary>
    public static async Task<(List<Period> All, Period? Chosen)> FindAsync(SmartCityIndexDbContext context, int? year, CancellationToken ct)
    {
        var periods = await context.ReportingPeriods.AsNoTracking()
            .Where(p => context.ScoreRuns.Any(r => r.ReportingPeriodId == p.Id))
            .OrderByDescending(p => p.Year).Select(p => new Period(p.Id, p.Year)).ToListAsync(ct);
        return (periods, year is { } y ? periods.FirstOrDefault(p => p.Year == y) : periods.FirstOrDefault());
    }

    /// <summary>The run shown for a period: its newest.</summary>
    public static Task<ScoreRun> NewestRunAsync(SmartCityIndexDbContext context, int periodId, CancellationToken ct) =>
        context.ScoreRuns.AsNoTracking().Where(r => r.ReportingPeriodId == periodId).OrderByDescending(r => r.Id).FirstAsync(ct);
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
