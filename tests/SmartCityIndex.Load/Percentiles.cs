namespace SmartCityIndex.Load;

/// <summary>Summary of a set of durations in milliseconds (nearest-rank percentiles).</summary>
internal sealed record Percentiles(int Count, double Mean, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, sorted.Average(), At(0.50), At(0.95), At(0.99), sorted[^1]);
    }

    public override string ToString() =>
        $"n={Count} mean={Mean:F1} ms p50={P50:F1} ms p95={P95:F1} ms p99={P99:F1} ms max={Max:F1} ms";
}
