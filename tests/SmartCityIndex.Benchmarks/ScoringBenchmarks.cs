using BenchmarkDotNet.Attributes;
using SmartCityIndex.Domain.Aggregation;
using SmartCityIndex.Domain.Indexing;
using SmartCityIndex.Domain.Interchange;
using SmartCityIndex.Domain.Scoring;
using SmartCityIndex.Domain.Sensitivity;

namespace SmartCityIndex.Benchmarks;

/// <summary>The engine in process: a full score run (normalise, aggregate, rank) and uncertainty analyses.</summary>
[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private IndexStructure _asemStructure = null!;
    private UnitData _asemData = null!;
    private IndexStructure _largeStructure = null!;
    private UnitData _largeData = null!;
    private readonly ScoringOptions _minMaxArithmetic = new();

    [GlobalSetup]
    public void Setup()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData");
        using (var meta = new StreamReader(Path.Combine(folder, "ASEM_iMeta.csv")))
        {
            _asemStructure = CoinrFormat.ReadMeta(CsvTable.Read(meta, "ASEM_iMeta.csv"));
        }

        using (var data = new StreamReader(Path.Combine(folder, "ASEM_iData.csv")))
        {
            _asemData = CoinrFormat.ReadData(CsvTable.Read(data, "ASEM_iData.csv"), _asemStructure);
        }

        (_largeStructure, _largeData) = LargeDataSet.Create();
    }

    [Benchmark(Description = "ASEM 51x49: min-max + arithmetic + rank")]
    public double AsemScore() => ScoringEngine.Score(_asemStructure, _asemData, _minMaxArithmetic).IndexScores[0];

    [Benchmark(Description = "1000x200: min-max + arithmetic + rank")]
    public double LargeScore() => ScoringEngine.Score(_largeStructure, _largeData, _minMaxArithmetic).IndexScores[0];

    [Benchmark(Description = "ASEM: sensitivity, 1000 replications")]
    public double AsemSensitivity() => SensitivityAnalysis.Run(_asemStructure, _asemData, new ScoringOptions { RangeLow = 1 }, Sensitivity).Units[0].MeanRank;

    [Benchmark(Description = "1000x200: sensitivity, 1000 replications")]
    public double LargeSensitivity() => SensitivityAnalysis.Run(_largeStructure, _largeData, new ScoringOptions { RangeLow = 1 }, Sensitivity).Units[0].MeanRank;

    private static SensitivityOptions Sensitivity => new()
    {
        Runs = 1000,
        WeightNoise = 0.25,
        AggregationAlternatives = [AggregationMethod.Arithmetic, AggregationMethod.Geometric],
    };
}
