using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Numerics;
using SmartCityIndex.Domain.Outliers;
using SmartCityIndex.Domain.Runs;
using SmartCityIndex.Domain.Scoring;
using SmartCityIndex.Domain.Sensitivity;

namespace SmartCityIndex.Infrastructure.Scoring;

/// <summary>
/// Makes score runs: loads a period's approved values and its framework, scores them with the engine, runs the
/// sensitivity analysis, and stores the run with the identity of its inputs. A run whose inputs equal the newest
/// run's is not made again.
/// </summary>
public sealed class ScoreRunner(IDbContextFactory<SmartCityIndexDbContext> contextFactory, TimeProvider clock, ILogger<ScoreRunner> logger)
{
    /// <summary>The code of the composite index, the root of every run's structure.</summary>
    public const string IndexCode = "INDEX";

    /// <summary>The engine's version, part of every run's identity.</summary>
    public static readonly string EngineVersion =
        typeof(ScoringEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(ScoringEngine).Assembly.GetName().Version?.ToString() ?? "0";

    /// <summary>The method settings of every run until weight schemes can be edited: the framework's own weights.</summary>
    public static readonly ScoringOptions Scoring = new()
    {
        Normalisation = Domain.Normalisation.NormalisationMethod.MinMax,
        RangeLow = 0,
        RangeHigh = 100,
        Aggregation = Domain.Aggregation.AggregationMethod.Arithmetic,
        Imputation = Domain.Imputation.ImputationOptions.None,
        Treatment = OutlierTreatment.Winsorise,
    };

    /// <summary>The sensitivity set-up: 1,000 replications, every weight ± 25 %, a fixed seed.</summary>
    public static readonly SensitivityOptions Sensitivity = new() { Runs = 1000, WeightNoise = 0.25, Seed = 42 };

    /// <summary>The first key of the PostgreSQL advisory locks that store runs one at a time per period.</summary>
    private const int RunLockSpace = 0x5C1_0001;

    /// <summary>The inputs of a period's run, as the engine takes them.</summary>
    public sealed record Inputs(int PeriodId, int FrameworkId, IndexStructure Structure, UnitData Data, IReadOnlyList<int> CityIds,
        IReadOnlyList<string> MissingCities, string StructureJson, string SettingsJson, string Hash);

    /// <summary>
    /// Scores the period if its inputs changed since its newest run (or always, with <paramref name="force"/>); returns
    /// the run shown now, or null when nothing of the period is approved.
    /// </summary>
    public async Task<ScoreRun?> RunAsync(int periodId, string trigger, bool force = false, CancellationToken ct = default)
    {
        var inputs = await LoadAsync(periodId, ct);
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var newest = await context.ScoreRuns.Where(r => r.ReportingPeriodId == periodId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (inputs is null || (!force && newest?.InputsHash == inputs.Hash))
        {
            return newest;
        }

        var watch = Stopwatch.StartNew();
        var (result, sensitivity) = Score(inputs);
        var run = new ScoreRun(periodId, inputs.FrameworkId, clock.GetUtcNow().UtcDateTime, EngineVersion, inputs.SettingsJson,
            inputs.StructureJson, inputs.Hash, inputs.MissingCities, trigger, (int)watch.ElapsedMilliseconds);
        AddCities(run, inputs, result, sensitivity);

        // Scored outside any lock (it takes a while); stored one at a time per period across every process that scores
        // (two portals, the portal and the command line): whoever stores second finds these inputs scored and keeps
        // that run. PostgreSQL: an advisory lock per period; SQLite: the write lock its transactions take at once.
        var stored = await contextFactory.InTransactionAsync(async (attempt, transaction) =>
        {
            if (attempt.Database.IsNpgsql())
            {
                await attempt.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0}, {1})", [RunLockSpace, periodId], ct);
            }
            else
            {
                await attempt.Database.ExecuteSqlRawAsync("UPDATE \"ReportingPeriods\" SET \"Id\" = \"Id\" WHERE \"Id\" = {0}", [periodId], ct); // take the write lock now
            }

            var latest = await attempt.ScoreRuns.Where(r => r.ReportingPeriodId == periodId).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
            if (!force && latest?.InputsHash == inputs.Hash)
            {
                return latest;
            }

            attempt.ScoreRuns.Add(run);
            await attempt.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return run;
        }, ct);
        if (!ReferenceEquals(stored, run))
        {
            logger.LogInformation("Period {PeriodId} was scored on the same inputs meanwhile (run {RunId}); kept that one", periodId, stored.Id);
            return stored;
        }

        logger.LogInformation("Score run {RunId} for period {PeriodId}: {Cities} cities, {Missing} missing, {Ms} ms to score ({Trigger})",
            run.Id, periodId, inputs.CityIds.Count, inputs.MissingCities.Count, run.DurationMs, trigger);
        return run;
    }

    /// <summary>The engine on the inputs: the nominal scores and the sensitivity of the ranks.</summary>
    public static (ScoreResult Result, SensitivityResult Sensitivity) Score(Inputs inputs) =>
        (ScoringEngine.Score(inputs.Structure, inputs.Data, Scoring),
         SensitivityAnalysis.Run(inputs.Structure, inputs.Data, Scoring, Sensitivity));

    /// <summary>The approved values of the period, the framework's tree and the identity of both; null when nothing is approved.</summary>
    public async Task<Inputs?> LoadAsync(int periodId, CancellationToken ct = default)
    {
        await using var context = await contextFactory.CreateDbContextAsync(ct);
        var period = await context.ReportingPeriods.AsNoTracking().SingleAsync(p => p.Id == periodId, ct);
        var framework = await context.Frameworks.AsNoTracking().Include(f => f.Categories).Include(f => f.Indicators)
            .AsSplitQuery().SingleAsync(f => f.Id == period.FrameworkId, ct);
        var structure = StructureOf(framework, out var indicatorIds, out var structureJson);

        var approved = await context.Submissions.AsNoTracking()
            .Where(s => s.ReportingPeriodId == periodId && s.Status == SubmissionStatus.Approved)
            .Select(s => new { s.CityId, Values = s.Values.Select(v => new { v.IndicatorId, v.Value }).ToList() })
            .ToListAsync(ct);
        var cities = await context.Cities.AsNoTracking().OrderBy(c => c.Code).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var byCity = approved.ToDictionary(a => a.CityId);
        var scored = cities.Where(c => byCity.ContainsKey(c.Id)).ToList();
        if (scored.Count == 0)
        {
            return null;
        }

        var column = indicatorIds.Select((id, j) => (id, j)).ToDictionary(x => x.id, x => x.j);
        var values = ColumnMatrix.Missing(scored.Count, structure.IndicatorCount);
        for (var i = 0; i < scored.Count; i++)
        {
            foreach (var value in byCity[scored[i].Id].Values)
            {
                if (value.Value is { } v && column.TryGetValue(value.IndicatorId, out var j))
                {
                    values[i, j] = (double)v;
                }
            }
        }

        var settingsJson = SettingsJson();
        var hash = Hash(framework, structureJson, settingsJson, scored.Select(c => c.Code).ToList(), values);
        var data = new UnitData(scored.Select(c => c.Code).ToList(), values);
        return new Inputs(periodId, framework.Id, structure, data, scored.Select(c => c.Id).ToList(),
            cities.Where(c => !byCity.ContainsKey(c.Id)).Select(c => c.Code).ToList(), structureJson, settingsJson, hash);
    }

    /// <summary>The framework as the engine's tree: indicators (level 1), categories above them, the index on top.</summary>
    public static IndexStructure StructureOf(IndicatorFramework framework, out IReadOnlyList<int> indicatorIds, out string json)
    {
        var categories = framework.Categories.OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToList();
        var indicators = framework.Indicators
            .OrderBy(i => categories.FindIndex(c => c.Id == i.CategoryId)).ThenBy(i => i.SortOrder).ThenBy(i => i.Code).ToList();
        var levels = new Dictionary<int, int>();
        int LevelOf(Category category) => levels.TryGetValue(category.Id, out var known) ? known : levels[category.Id] =
            1 + Math.Max(indicators.Any(i => i.CategoryId == category.Id) ? 1 : 0,
                categories.Where(c => c.ParentId == category.Id).Select(LevelOf).DefaultIfEmpty(0).Max());
        var top = categories.Where(c => c.ParentId is null).Select(LevelOf).DefaultIfEmpty(1).Max() + 1;

        var nodes = new List<IndexNodeDefinition>();
        var names = new Dictionary<string, RunNode>();
        foreach (var indicator in indicators)
        {
            var category = categories.Single(c => c.Id == indicator.CategoryId);
            nodes.Add(new IndexNodeDefinition(indicator.Code, indicator.NameEn, 1, category.Code, (int)indicator.Direction,
                indicator.Weight, IndexNodeType.Indicator, (double?)indicator.GoalpostLow, (double?)indicator.GoalpostHigh, indicator.Unit));
            names[indicator.Code] = new RunNode(indicator.Code, indicator.NameEn, indicator.NameZh, category.Code, 1, indicator.Weight, indicator.Unit, (int)indicator.Direction);
        }

        foreach (var category in categories.OrderBy(LevelOf))
        {
            var parent = category.ParentId is { } p ? categories.Single(c => c.Id == p).Code : IndexCode;
            nodes.Add(new IndexNodeDefinition(category.Code, category.NameEn, LevelOf(category), parent, 1, category.Weight, IndexNodeType.Aggregate));
            names[category.Code] = new RunNode(category.Code, category.NameEn, category.NameZh, parent, LevelOf(category), category.Weight, null, 0);
        }

        nodes.Add(new IndexNodeDefinition(IndexCode, "Smart city index", top, null, 1, 1, IndexNodeType.Aggregate));
        names[IndexCode] = new RunNode(IndexCode, "Smart city index", "智慧城市指数", null, top, 1, null, 0);
        var structure = IndexStructure.Create(nodes);
        var byCode = framework.Indicators.ToDictionary(i => i.Code, i => i.Id);
        indicatorIds = structure.Nodes.Take(structure.IndicatorCount).Select(n => byCode[n.Code]).ToList();
        json = RunNode.Serialize(structure.Nodes.Select(n => names[n.Code]).ToList());
        return structure;
    }

    /// <summary>One node of a run's structure as stored with the run, in the order of the run's arrays.</summary>
    public sealed record RunNode(string Code, string NameEn, string NameZh, string? Parent, int Level, double Weight, string? Unit, int Direction)
    {
        /// <summary>The run's structure as JSON.</summary>
        public static string Serialize(IReadOnlyList<RunNode> nodes) => JsonSerializer.Serialize(nodes);

        /// <summary>A run's structure from its JSON.</summary>
        public static IReadOnlyList<RunNode> Parse(string json) => JsonSerializer.Deserialize<List<RunNode>>(json) ?? [];
    }

    private static string SettingsJson() => JsonSerializer.Serialize(new
    {
        Normalisation = Scoring.Normalisation.ToString(),
        Scoring.RangeLow,
        Scoring.RangeHigh,
        Aggregation = Scoring.Aggregation.ToString(),
        MissingData = "available-case: an aggregate uses the children the city has values for, weights renormalised",
        Outliers = Scoring.Treatment.ToString(),
        Weights = "framework",
        Sensitivity = new { Sensitivity.Runs, Sensitivity.WeightNoise, Sensitivity.Seed, Levels = "all" },
    });

    private static string Hash(IndicatorFramework framework, string structureJson, string settingsJson, IReadOnlyList<string> codes, ColumnMatrix values)
    {
        var text = new StringBuilder()
            .Append("engine ").AppendLine(EngineVersion)
            .Append("framework ").Append(framework.Id).Append(' ').AppendLine(framework.Version.ToString(CultureInfo.InvariantCulture))
            .AppendLine(settingsJson).AppendLine(structureJson);
        for (var i = 0; i < codes.Count; i++)
        {
            text.Append(codes[i]);
            for (var j = 0; j < values.Columns; j++)
            {
                text.Append(',').Append(double.IsNaN(values[i, j]) ? "NA" : values[i, j].ToString("R", CultureInfo.InvariantCulture));
            }

            text.AppendLine();
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static void AddCities(ScoreRun run, Inputs inputs, ScoreResult result, SensitivityResult sensitivity)
    {
        var structure = inputs.Structure;
        var ranks = new int[structure.NodeCount];
        var scores = new double[structure.NodeCount];
        var raw = new double[structure.IndicatorCount];
        for (var i = 0; i < inputs.CityIds.Count; i++)
        {
            for (var node = 0; node < structure.NodeCount; node++)
            {
                scores[node] = result.Scores[i, node];
                ranks[node] = result.Rank(i, node);
            }

            var present = 0;
            for (var j = 0; j < structure.IndicatorCount; j++)
            {
                raw[j] = inputs.Data.Values[i, j];
                present += double.IsNaN(raw[j]) ? 0 : 1;
            }

            var stats = sensitivity.Units[i];
            run.Add(new ScoreRunCity(inputs.CityIds[i], result.IndexRanks[i], result.IndexScores[i], (double)present / structure.IndicatorCount,
                stats.Q5, stats.Q95, stats.MeanRank, scores, ranks, result.Contributions(i), raw));
        }
    }
}
