using SemiSegEcg.Data;

namespace SemiSegEcg.Synthetic;

/// <summary>Paints the integrated label mask of a record from its beats.</summary>
internal static class SyntheticMask
{
    public static byte[] Build(IReadOnlyList<SyntheticBeat> beats, int length, EdgeBeatPolicy policy, long seed)
    {
        var mask = new byte[length];
        foreach (var beat in beats)
        {
            if (beat.P is { } p) Paint(mask, p, WaveLabels.P, seed);
            Paint(mask, beat.Qrs, WaveLabels.Qrs, seed);
            Paint(mask, beat.T, WaveLabels.T, seed);
        }
        if (policy == EdgeBeatPolicy.Ignore)
        {
            foreach (var beat in beats.Where(b => !b.IsComplete))
            {
                int first = Math.Max(0, (beat.P ?? beat.Qrs).OnsetSample);
                int last = Math.Min(length - 1, beat.T.OffsetSample);
                if (last >= first) mask.AsSpan(first, last - first + 1).Fill(WaveLabels.Ignore);
            }
        }
        return mask;
    }

    private static void Paint(byte[] mask, SyntheticWave wave, byte label, long seed)
    {
        int first = Math.Max(0, wave.OnsetSample), last = Math.Min(mask.Length - 1, wave.OffsetSample);
        for (int i = first; i <= last; i++)
        {
            // The planner keeps background gaps between waves, so an overlap is a generator bug, never clipped silently.
            if (mask[i] != WaveLabels.Background)
                throw new InvalidOperationException($"synthetic record with seed {seed}: {WaveLabels.Names[label]} wave overlaps {WaveLabels.Names[mask[i]]} at sample {i}");
            mask[i] = label;
        }
    }
}
