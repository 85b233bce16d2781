using System.Runtime.InteropServices;

namespace SmartCityIndex.Domain.Runs;

/// <summary>
/// One score run: the approved submissions of a reporting period scored with a framework version and method settings,
/// with what identifies its inputs (a hash of the values, the versions and the settings) and every city's results.
/// Runs are kept: the newest of a period is the one shown, older ones stay for comparison and audit.
/// </summary>
public sealed class ScoreRun
{
    private readonly List<ScoreRunCity> _cities = [];

    private ScoreRun()
    {
    }

    /// <summary>A run as the scorer made it.</summary>
    public ScoreRun(int reportingPeriodId, int frameworkId, DateTime createdAt, string engineVersion, string settings,
        string structure, string inputsHash, IReadOnlyList<string> missingCities, string trigger, int durationMs)
    {
        ReportingPeriodId = reportingPeriodId;
        FrameworkId = frameworkId;
        CreatedAt = Guard.Utc(createdAt, "The run time");
        EngineVersion = Guard.Text(engineVersion, "The engine version", 64);
        Settings = Guard.Text(settings, "The settings", 20_000);
        Structure = Guard.Text(structure, "The structure", 200_000);
        InputsHash = Guard.Text(inputsHash, "The inputs hash", 64);
        MissingCities = string.Join(',', missingCities);
        MissingCount = missingCities.Count;
        Trigger = Guard.Text(trigger, "The trigger", 200);
        DurationMs = durationMs;
    }

    /// <summary>Database identity.</summary>
    public int Id { get; private set; }

    /// <summary>The reporting period scored.</summary>
    public int ReportingPeriodId { get; private set; }

    /// <summary>The framework version used.</summary>
    public int FrameworkId { get; private set; }

    /// <summary>When the run was made (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>The scoring engine's version.</summary>
    public string EngineVersion { get; private set; } = string.Empty;

    /// <summary>The method settings and weights, as JSON (normalisation, aggregation, missing data, outliers, sensitivity).</summary>
    public string Settings { get; private set; } = string.Empty;

    /// <summary>The index tree used (codes, names, parents, weights, directions), as JSON, in node order.</summary>
    public string Structure { get; private set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the values used, the framework version, the settings and the engine version.</summary>
    public string InputsHash { get; private set; } = string.Empty;

    /// <summary>Codes of the cities without an approved submission (comma-separated).</summary>
    public string MissingCities { get; private set; } = string.Empty;

    /// <summary>How many cities are missing.</summary>
    public int MissingCount { get; private set; }

    /// <summary>Provisional while some cities have no approved submission.</summary>
    public bool IsProvisional => MissingCount > 0;

    /// <summary>What started the run (an approval, a reopening, a publication, start-up).</summary>
    public string Trigger { get; private set; } = string.Empty;

    /// <summary>How long the scoring and the sensitivity analysis took.</summary>
    public int DurationMs { get; private set; }

    /// <summary>The scored cities.</summary>
    public IReadOnlyCollection<ScoreRunCity> Cities => _cities;

    /// <summary>Adds a city's results.</summary>
    public void Add(ScoreRunCity city) => _cities.Add(city);
}

/// <summary>One city's results in a run. Per-node arrays are in the order of the run's structure.</summary>
public sealed class ScoreRunCity
{
    private ScoreRunCity()
    {
    }

    /// <summary>A city's results.</summary>
    public ScoreRunCity(int cityId, int rank, double score, double coverage, double rankLow, double rankHigh, double meanRank,
        ReadOnlySpan<double> nodeScores, ReadOnlySpan<int> nodeRanks, ReadOnlySpan<double> contributions, ReadOnlySpan<double> rawValues)
    {
        CityId = cityId;
        Rank = rank;
        Score = score;
        Coverage = coverage;
        RankLow = rankLow;
        RankHigh = rankHigh;
        MeanRank = meanRank;
        NodeScores = MemoryMarshal.AsBytes(nodeScores).ToArray();
        NodeRanks = MemoryMarshal.AsBytes(nodeRanks).ToArray();
        Contributions = MemoryMarshal.AsBytes(contributions).ToArray();
        RawValues = MemoryMarshal.AsBytes(rawValues).ToArray();
    }

    /// <summary>The run.</summary>
    public int ScoreRunId { get; private set; }

    /// <summary>The city.</summary>
    public int CityId { get; private set; }

    /// <summary>Rank on the composite (1 = best).</summary>
    public int Rank { get; private set; }

    /// <summary>The composite score.</summary>
    public double Score { get; private set; }

    /// <summary>Share of the indicators with a value (0–1).</summary>
    public double Coverage { get; private set; }

    /// <summary>The 5th percentile of the rank over the sensitivity replications.</summary>
    public double RankLow { get; private set; }

    /// <summary>The 95th percentile of the rank over the sensitivity replications.</summary>
    public double RankHigh { get; private set; }

    /// <summary>The mean rank over the sensitivity replications.</summary>
    public double MeanRank { get; private set; }

    /// <summary>Every node's score (normalised indicators, then aggregates), as little-endian doubles.</summary>
    public byte[] NodeScores { get; private set; } = [];

    /// <summary>Every node's rank among the run's cities (0 where the city has no value), as int32s.</summary>
    public byte[] NodeRanks { get; private set; } = [];

    /// <summary>Each indicator's contribution to the composite, as doubles.</summary>
    public byte[] Contributions { get; private set; } = [];

    /// <summary>Each indicator's raw value as entered (NaN when not available), as doubles.</summary>
    public byte[] RawValues { get; private set; } = [];

    /// <summary>The node scores as numbers.</summary>
    public double[] NodeScoreValues() => MemoryMarshal.Cast<byte, double>(NodeScores).ToArray();

    /// <summary>The node ranks as numbers.</summary>
    public int[] NodeRankValues() => MemoryMarshal.Cast<byte, int>(NodeRanks).ToArray();

    /// <summary>The contributions as numbers.</summary>
    public double[] ContributionValues() => MemoryMarshal.Cast<byte, double>(Contributions).ToArray();

    /// <summary>The raw values as numbers.</summary>
    public double[] RawValueList() => MemoryMarshal.Cast<byte, double>(RawValues).ToArray();
}
