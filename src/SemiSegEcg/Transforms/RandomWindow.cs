using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>The random-window draws shared by the partial ops.</summary>
internal static class RandomWindow
{
    /// <summary>
    /// <c>count = int(U(0, ratio)·T)</c>, then <c>start = randint(0, T − count)</c> (docs/reference/original-behaviour.md#strong-augmentation-randaugment).
    /// With ratio ≤ 1 the count is at most T − 1, so the start range is never empty.
    /// </summary>
    public static (int Count, int Start) Draw(double ratio, int length, SeededRandom random)
    {
        int count = (int)(random.Uniform(0.0, ratio) * length);
        int start = random.NextInt(0, length - count);
        return (count, start);
    }

    /// <summary>Checks an explicitly given window against a signal of <paramref name="length"/> samples.</summary>
    public static void Validate(int count, int start, int length)
    {
        if (count < 0 || start < 0 || start + count > length)
            throw new ArgumentOutOfRangeException(nameof(count), $"window [{start}, {start}+{count}) does not fit a signal of {length} samples");
    }
}
