namespace SemiSegEcg.Data.Prepare;

/// <summary>Paints wave spans into a per-sample class mask (0 background, 1 P, 2 QRS, 3 T, 255 ignore).</summary>
public static class MaskPainter
{
    /// <param name="waves">Waves in time order.</param>
    /// <param name="length">Mask length in samples.</param>
    /// <param name="start">Sample index (in the waves' time base) of mask position 0.</param>
    public static byte[] Paint(IReadOnlyList<WaveSpan> waves, int length, MaskOptions options, long start = 0)
    {
        var mask = new byte[length];
        long previousEnd = long.MinValue;
        foreach (var wave in waves)
        {
            long end = options.Offset == OffsetRule.Inclusive ? wave.Offset + 1 : wave.Offset;
            long onset;
            if (wave.Onset is long annotated)
            {
                onset = annotated;
            }
            else
            {
                long after = previousEnd == long.MinValue ? (wave.Peak ?? wave.Offset) : previousEnd;
                if (options.MissingOnset == MissingOnsetRule.Ignore && wave.Peak is long peak)
                {
                    Fill(mask, after, peak, WaveLabels.Ignore, start);
                    onset = peak;
                }
                else
                {
                    onset = after;
                }
            }
            Fill(mask, onset, end, wave.ClassId, start);
            previousEnd = Math.Max(previousEnd, wave.Offset + 1);
        }

        if (options.Unannotated == UnannotatedPolicy.Ignore && waves.Count > 0)
        {
            long first = waves.Min(w => w.Onset ?? w.Peak ?? w.Offset);
            long last = waves.Max(w => w.Offset);
            Fill(mask, long.MinValue / 2, first, WaveLabels.Ignore, start);
            Fill(mask, last + 1, long.MaxValue / 2, WaveLabels.Ignore, start);
        }
        return mask;
    }

    /// <summary>
    /// Applies <see cref="MaskOptions.OutsideSignal"/>: with <see cref="UnannotatedSignal.Edge"/> the signal before the
    /// first wave's onset and after the last wave's offset is held at those samples' values (padding included).
    /// </summary>
    /// <param name="start">Sample index (in the waves' time base) of signal position 0.</param>
    public static void ApplyOutsideSignal(float[] signal, IReadOnlyList<WaveSpan> waves, MaskOptions options, long start = 0)
    {
        if (options.OutsideSignal != UnannotatedSignal.Edge || waves.Count == 0) return;
        int first = (int)Math.Clamp(waves.Min(w => w.Onset ?? w.Peak ?? w.Offset) - start, 0, signal.Length - 1);
        int last = (int)Math.Clamp(waves.Max(w => w.Offset) - start, first, signal.Length - 1);
        signal.AsSpan(0, first).Fill(signal[first]);
        signal.AsSpan(last + 1).Fill(signal[last]);
    }

    /// <summary>Sets mask[from - start .. to - start) to <paramref name="value"/>, clipped to the mask.</summary>
    private static void Fill(byte[] mask, long from, long to, byte value, long start)
    {
        long a = Math.Max(0, from - start);
        long b = Math.Min(mask.Length, to - start);
        if (b > a) mask.AsSpan((int)a, (int)(b - a)).Fill(value);
    }
}
