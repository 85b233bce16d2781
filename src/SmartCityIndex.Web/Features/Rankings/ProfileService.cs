using SmartCityIndex.Domain.Cities;
using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>A category's (or the composite's) score and rank for one city in one run, with the median of all cities.</summary>
public sealed record ProfileScore(string Code, string NameEn, string NameZh, double Score, int Rank, double Median);

/// <summary>One indicator of the profile: from the entered value to its share of the composite.</summary>
public sealed record ProfileIndicator(string Code, string NameEn, string NameZh, string CategoryCode, string? Unit, int Direction,
    double Raw, double Normalised, double Contribution, int Rank);

/// <summary>The composite and category scores of one year, for the trend.</summary>
public sealed record ProfileTrendPoint(int Year, double Composite, int Rank, int Cities, IReadOnlyDictionary<string, double> Categories);

/// <summary>A city's profile in one year's run.</summary>
public sealed record CityProfile(
    string Code, string NameEn, string NameZh, string ProvinceEn, string ProvinceZh, CityTier Tier,
    int Year, IReadOnlyList<int> Years, int RunId, bool Provisional, int CityCount,
    ProfileScore Composite, double RankLow, double RankHigh, IReadOnlyList<ProfileScore> Categories,
    IReadOnlyList<ProfileIndicator> Indicators, IReadOnlyList<ProfileTrendPoint> Trend);

/// <summary>
/// A city's scores explained: from the stored runs, down to each indicator's entered value. Officials see only their
/// own cities (another city is "not found", and the refusal is logged); evaluators and admins see every city.
/// </summary>
public sealed class ProfileService(IDbContextFactory<SmartCityIndexDbContext> contextFactory, CurrentUser currentUser, ILogger<ProfileService> logger)
{
    /// <summary>The profile in <paramref name="year"/> (default: the newest year in which the city is ranked); null when not allowed or not ranked.</summary>
    public async Task<CityProfile?> GetAsync(string cityCode, int? year = null, CancellationToken ct = default)
    {
        var access = await currentUser.GetAsync(ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var city = await context.Cities.AsNoTracking().SingleOrDefaultAsync(c => c.Code == cityCode, ct);
        if (city is null || !access.CanSee(city.Id))
        {
            if (city is not null)
            {
                logger.LogWarning("Refused {User} the profile of {City}", access.UserName, cityCode);
            }

            return null;
        }

        // The newest run of each period, and whether (and how) the city is in it.
        var runs = await context.ScoreRuns.AsNoTracking()
            .Where(r => r.Id == context.ScoreRuns.Where(o => o.ReportingPeriodId == r.ReportingPeriodId).Max(o => o.Id))
            .Join(context.ReportingPeriods, r => r.ReportingPeriodId, p => p.Id, (r, p) => new { Run = r, p.Year })
            .ToListAsync(ct);
        var mine = await context.ScoreRunCities.AsNoTracking()
            .Where(c => c.CityId == city.Id && runs.Select(r => r.Run.Id).Contains(c.ScoreRunId))
            .ToDictionaryAsync(c => c.ScoreRunId, ct);
        var ranked = runs.Where(r => mine.ContainsKey(r.Run.Id)).OrderBy(r => r.Year).ToList();
        var selected = year is { } y ? ranked.FirstOrDefault(r => r.Year == y) : ranked.LastOrDefault();
        if (selected is null)
        {
            return null;
        }

        var counts = await context.ScoreRunCities.Where(c => ranked.Select(r => r.Run.Id).Contains(c.ScoreRunId))
            .GroupBy(c => c.ScoreRunId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var trend = ranked.Select(r =>
        {
            var nodes = ScoreRunner.RunNode.Parse(r.Run.Structure);
            var scores = mine[r.Run.Id].NodeScoreValues();
            return new ProfileTrendPoint(r.Year, mine[r.Run.Id].Score, mine[r.Run.Id].Rank, counts[r.Run.Id],
                RunTree.Categories(nodes).ToDictionary(c => c.Code, c => scores[c.Node]));
        }).ToList();

        var run = selected.Run;
        var structure = ScoreRunner.RunNode.Parse(run.Structure);
        var all = await context.ScoreRunCities.AsNoTracking().Where(c => c.ScoreRunId == run.Id).Select(c => c.NodeScores).ToListAsync(ct);
        var allScores = all.Select(b => System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(b).ToArray()).ToList();
        double Median(int node)
        {
            var values = allScores.Select(s => s[node]).Where(v => !double.IsNaN(v)).Order().ToArray();
            return values.Length == 0 ? double.NaN : values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        }

        var result = mine[run.Id];
        var nodeScores = result.NodeScoreValues();
        var nodeRanks = result.NodeRankValues();
        var contributions = result.ContributionValues();
        var raw = result.RawValueList();
        ProfileScore ScoreOf(int node) => new(structure[node].Code, structure[node].NameEn, structure[node].NameZh, nodeScores[node], nodeRanks[node], Median(node));
        var root = structure.Select((n, i) => (n, i)).Single(x => x.n.Parent is null).i;
        var categories = RunTree.Categories(structure).Select(c => ScoreOf(c.Node)).ToList();
        var indicators = structure.Select((n, i) => (n, i)).Where(x => x.n.Level == 1)
            .Select(x => new ProfileIndicator(x.n.Code, x.n.NameEn, x.n.NameZh, RunTree.CategoryOf(structure, x.i), x.n.Unit, x.n.Direction,
                raw[x.i], nodeScores[x.i], contributions[x.i], nodeRanks[x.i]))
            .ToList();

        return new CityProfile(city.Code, city.NameEn, city.NameZh, city.ProvinceEn, city.ProvinceZh, city.Tier, selected.Year,
            [.. ranked.Select(r => r.Year)], run.Id, run.IsProvisional, counts[run.Id], ScoreOf(root) with { Rank = result.Rank },
            result.RankLow, result.RankHigh, categories, indicators, trend);
    }
}
