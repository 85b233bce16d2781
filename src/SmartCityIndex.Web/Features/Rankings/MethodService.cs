using SmartCityIndex.Infrastructure.Scoring;

namespace SmartCityIndex.Web.Features.Rankings;

/// <summary>One indicator's weight as the composite applies it: its share of its category times the category's share.</summary>
public sealed record EffectiveWeight(string Code, string NameEn, string NameZh, string CategoryCode, double Weight);

/// <summary>How a run was made, for the method page.</summary>
public sealed record RunDescription(
    int RunId, int Year, IReadOnlyList<int> Years, DateTime CreatedAt, string FrameworkName, int FrameworkVersion, string EngineVersion,
    string InputsHash, IReadOnlyList<RunTrigger> Triggers, IReadOnlyDictionary<string, CityName> TriggerCities, int DurationMs, int CityCount,
    IReadOnlyList<string> MissingCities, string Settings,
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
        if (await ScoredPeriods.ShownAsync(context, year, ct) is not (var periods, var period, var run))
        {
            return null;
        }

        var framework = await context.Frameworks.AsNoTracking().Where(f => f.Id == run.FrameworkId).Select(f => new { f.Name, f.Version }).SingleAsync(ct);
        var cities = await context.ScoreRunCities.CountAsync(c => c.ScoreRunId == run.Id, ct);
        var nodes = ScoreRunner.RunNode.Parse(run.Structure);
        var categories = RunTree.Categories(nodes);
        var triggers = RunTrigger.ParseAll(run.Trigger);
        var codes = triggers.Where(t => t.City is not null).Select(t => t.City!).Distinct().ToList();
        var triggerCities = await context.Cities.AsNoTracking().Where(c => codes.Contains(c.Code))
            .ToDictionaryAsync(c => c.Code, c => new CityName(c.Code, c.NameEn, c.NameZh), ct);
        return new RunDescription(run.Id, period.Year, [.. periods.Select(p => p.Year).Order()], run.CreatedAt, framework.Name, framework.Version,
            run.EngineVersion, run.InputsHash, triggers, triggerCities, run.DurationMs, cities, ScoredPeriods.MissingCodes(run),
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

    /// <summary>
    /// The end of the weight bars' scale: the smallest of 1, 2, 2.5 or 5 times a power of ten that holds the largest
    /// weight, so that bars are drawn to scale (30 weights of 3.3 % on a scale to 5 %, not as full bars).
    /// </summary>
    public static double ScaleMax(IEnumerable<double> weights)
    {
        var max = weights.DefaultIfEmpty(0).Max();
        if (max <= 0 || double.IsNaN(max))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(step => step * power).First(end => end >= max * (1 - 1e-9));
    }

    private static double Share(IReadOnlyList<ScoreRunner.RunNode> nodes, ScoreRunner.RunNode node) =>
        node.Weight / nodes.Where(s => s.Parent == node.Parent).Sum(s => s.Weight);
}
