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
        var periods = await context.ReportingPeriods.AsNoTracking()
            .Where(p => context.ScoreRuns.Any(r => r.ReportingPeriodId == p.Id))
            .OrderByDescending(p => p.Year).Select(p => new { p.Id, p.Year }).ToListAsync(ct);
        var period = year is { } y ? periods.FirstOrDefault(p => p.Year == y) : periods.FirstOrDefault();
        if (period is null)
        {
            return null;
        }

        var run = await NewestRunAsync(context, period.Id, ct);
        var previous = periods.FirstOrDefault(p => p.Year < period.Year);
        var previousScores = previous is null ? null : await context.ScoreRunCities.AsNoTracking()
            .Where(c => c.ScoreRunId == context.ScoreRuns.Where(r => r.ReportingPeriodId == previous.Id).Max(r => r.Id))
            .ToDictionaryAsync(c => c.CityId, c => c.Score, ct);
        var results = await context.ScoreRunCities.AsNoTracking().Where(c => c.ScoreRunId == run.Id).ToListAsync(ct);
        var changes = previousScores is null ? null : RankChanges(results.ToDictionary(r => r.CityId, r => r.Score), previousScores);
        var cities = await context.Cities.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);

        var nodes = ScoreRunner.RunNode.Parse(run.Structure);
        var categories = nodes.Select((n, i) => (n, i)).Where(x => x.n.Parent == ScoreRunner.IndexCode)
            .Select(x => new RankedCategory(x.n.Code, x.n.NameEn, x.n.NameZh, x.i)).ToList();
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

    private static Task<ScoreRun> NewestRunAsync(SmartCityIndexDbContext context, int periodId, CancellationToken ct) =>
        context.ScoreRuns.AsNoTracking().Where(r => r.ReportingPeriodId == periodId).OrderByDescending(r => r.Id).FirstAsync(ct);
}
