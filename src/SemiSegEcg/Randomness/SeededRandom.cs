namespace SemiSegEcg.Randomness;

/// <summary>
/// A small, fully specified PRNG (xoshiro256** seeded through SplitMix64). Unlike <see cref="Random"/>, its stream is
/// fixed by this code alone, so splits and augmentations are identical for a given seed on every machine and runtime.
/// Not thread-safe: give each producer its own instance (see <see cref="Derive"/>).
/// </summary>
public sealed class SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;
    private double? _spareGaussian;

    public SeededRandom(ulong seed)
    {
        ulong x = seed;
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
    }

    public SeededRandom(long seed) : this(unchecked((ulong)seed)) { }

    /// <summary>An independent stream for a sub-task (worker, epoch, ...), determined by this seed and the keys.</summary>
    public static SeededRandom Derive(long seed, params long[] keys)
    {
        ulong x = unchecked((ulong)seed);
        ulong mixed = SplitMix(ref x);
        foreach (long key in keys)
        {
            ulong k = mixed ^ unchecked((ulong)key * 0x9E3779B97F4A7C15UL);
            mixed = SplitMix(ref k);
        }
        return new SeededRandom(mixed);
    }

    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [low, high).</summary>
    public double Uniform(double low, double high) => low + (high - low) * NextDouble();

    /// <summary>Uniform integer in [low, high) (numpy <c>randint</c> convention); unbiased.</summary>
    public int NextInt(int low, int high)
    {
        if (high <= low) throw new ArgumentOutOfRangeException(nameof(high), $"empty range [{low}, {high})");
        ulong range = (ulong)((long)high - low);
        ulong limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong r;
        do { r = NextUInt64(); } while (r >= limit);
        return (int)(low + (long)(r % range));
    }

    /// <summary>Standard normal draw (Marsaglia polar method).</summary>
    public double NextGaussian()
    {
        if (_spareGaussian is double spare)
        {
            _spareGaussian = null;
            return spare;
        }
        double u, v, s;
        do
        {
            u = 2 * NextDouble() - 1;
            v = 2 * NextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spareGaussian = v * factor;
        return u * factor;
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(0, i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>A random permutation of 0..count-1.</summary>
    public int[] Permutation(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        Shuffle(order);
        return order;
    }

    /// <summary>The whole generator state, so a run can resume its augmentation stream exactly.</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3, _spareGaussian is double g ? BitConverter.DoubleToUInt64Bits(g) : 0, _spareGaussian is null ? 0UL : 1UL];

    public void SetState(ulong[] state)
    {
        if (state.Length != 6) throw new ArgumentException("generator state must have 6 words", nameof(state));
        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
        _spareGaussian = state[5] == 1 ? BitConverter.UInt64BitsToDouble(state[4]) : null;
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
