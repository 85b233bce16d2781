namespace SmartCityIndex.Domain.Sensitivity;

/// <summary>
/// A small, fast, fully specified random generator (Steele, Lea and Flood's SplitMix64). Each replication gets its
/// own generator seeded from (seed, replication), so results do not depend on how replications are spread over
/// threads, nor on the .NET version.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public static SplitMix64 For(ulong seed, int replication)
    {
        var mixer = new SplitMix64(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(replication + 1)));
        return new SplitMix64(mixer.NextUInt64());
    }

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => (int)(NextDouble() * n);
}
