using BenchmarkDotNet.Running;
using SmartCityIndex.Benchmarks;

// `generate DIR` writes the 1000 × 200 data set as CSV (for timing `sci score`); anything else goes to BenchmarkDotNet.
if (args is ["generate", var folder])
{
    LargeDataSet.WriteCsv(folder);
    Console.WriteLine($"Wrote {Path.Combine(folder, "large_data.csv")} and large_meta.csv");
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(ScoringBenchmarks).Assembly).Run(args);
