#!/usr/bin/env bash
# Reproduces the figures in docs/performance.md: BenchmarkDotNet for the engine in process, and hyperfine for
# `sci score` as a whole process on the seeded 1000 x 200 data set. Run it on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."
out=artifacts/bench
mkdir -p "$out"

dotnet run -c Release --project tests/SmartCityIndex.Benchmarks -- generate "$out"
dotnet run -c Release --project tests/SmartCityIndex.Benchmarks -- --filter '*' --artifacts "$out/bdn"

# The CLI as users run it: published ReadyToRun, then timed as a whole process (start-up, parsing, output).
dotnet publish src/SmartCityIndex.Cli -c Release -o "$out/sci" --nologo -v quiet
command -v hyperfine >/dev/null || { echo "hyperfine is missing (apt-get install -y hyperfine)"; exit 1; }
hyperfine --warmup 3 --runs 20 --export-markdown "$out/sci-score.md" \
  "$out/sci/sci score --data $out/large_data.csv --meta $out/large_meta.csv --out $out/scores.csv" \
  "$out/sci/sci score --data tests/SmartCityIndex.Domain.Tests/TestData/coinr-asem/ASEM_iData.csv --meta tests/SmartCityIndex.Domain.Tests/TestData/coinr-asem/ASEM_iMeta.csv --out $out/asem.csv"
