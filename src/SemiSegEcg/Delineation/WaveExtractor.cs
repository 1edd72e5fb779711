using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Turns one lead's per-sample labels into waves.
/// <list type="number">
/// <item><b>Merge</b>: a stretch shorter than <see cref="WaveExtractionOptions.MaxMergeGapMs"/> between two runs of
/// the same wave class takes that class (one wave split by a flicker of the model is one wave).</item>
/// <item><b>Drop</b>: a wave run shorter than its class minimum takes the label of its neighbours when both have the
/// same one (a blip inside a wave), otherwise background.</item>
/// <item><b>Waves</b>: onsets and offsets from <see cref="WaveBoundaries.Extract"/>, so a run touching the first or
/// the last sample has no onset or offset and yields no wave (its true extent is unknown), as in evaluation.</item>
/// <item><b>Peaks</b>, on the band-passed native-rate signal (baseline wander would otherwise pull the extremum):
/// QRS — the sample farthest from the lead's median (the largest deflection, R or S); P and T — the sample farthest
/// from the straight line joining the signal at the wave's onset and offset, which follows a sloping baseline and
/// finds the apex of an inverted or biphasic wave as well as an upright one.</item>
/// </list>
/// </summary>
public sealed class WaveExtractor
{
    public WaveExtractor(WaveExtractionOptions? options = null)
    {
        Options = options ?? new WaveExtractionOptions();
        Options.Validate();
    }

    public WaveExtractionOptions Options { get; }

    /// <summary>Steps 1 and 2: the cleaned copy of <paramref name="labels"/>.</summary>
    public byte[] Clean(ReadOnlySpan<byte> labels, double samplingRateHz)
    {
        if (!(samplingRateHz > 0)) throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be positive");
        byte[] cleaned = labels.ToArray();
        double msPerSample = 1000 / samplingRateHz;

        var runs = Runs(cleaned);
        for (int r = 1; r + 1 < runs.Count; r++)
        {
            var (left, gap, right) = (runs[r - 1], runs[r], runs[r + 1]);
            if (IsWave(left.Label) && left.Label == right.Label && gap.Length * msPerSample < Options.MaxMergeGapMs)
                cleaned.AsSpan(gap.First, gap.Length).Fill(left.Label);
        }

        runs = Runs(cleaned);
        for (int r = 0; r < runs.Count; r++)
        {
            var run = runs[r];
            if (!IsWave(run.Label) || (run.Length - 1) * msPerSample >= Options.MinDurationMs((WaveKind)run.Label)) continue;
            byte? left = r > 0 ? runs[r - 1].Label : null;
            byte? right = r + 1 < runs.Count ? runs[r + 1].Label : null;
            byte replacement = left is { } l && l == right ? l : WaveLabels.Background;
            cleaned.AsSpan(run.First, run.Length).Fill(replacement);
        }
        return cleaned;
    }

    /// <summary>Step 3 and 4 on already cleaned labels, in time order.</summary>
    /// <param name="filteredSignal">The lead band-passed at the native rate (<see cref="EcgBandPass"/>), same length as the labels.</param>
    public IReadOnlyList<Wave> Extract(ReadOnlySpan<byte> cleanedLabels, ReadOnlySpan<double> filteredSignal)
    {
        if (filteredSignal.Length != cleanedLabels.Length)
            throw new ArgumentException($"signal has {filteredSignal.Length} samples, labels {cleanedLabels.Length}", nameof(filteredSignal));
        var asLong = new long[cleanedLabels.Length];
        for (int i = 0; i < asLong.Length; i++) asLong[i] = cleanedLabels[i];
        var boundaries = WaveBoundaries.Extract(asLong);
        double median = cleanedLabels.Length == 0 ? 0 : FastQuantile.Of(filteredSignal, 0.5);

        var waves = new List<Wave>();
        foreach (var kind in new[] { WaveKind.P, WaveKind.Qrs, WaveKind.T })
        {
            var (onsets, offsets) = kind switch
            {
                WaveKind.P => (boundaries.POnsets, boundaries.POffsets),
                WaveKind.Qrs => (boundaries.QrsOnsets, boundaries.QrsOffsets),
                _ => (boundaries.TOnsets, boundaries.TOffsets),
            };
            int next = 0;
            for (int k = 0; k < onsets.Count; k++)
            {
                int onset = onsets[k];
                while (next < offsets.Count && offsets[next] < onset) next++;
                if (next == offsets.Count) break;
                int offset = offsets[next];
                // A run without an offset (next to an ignored sample) must not borrow the next run's.
                if (k + 1 < onsets.Count && onsets[k + 1] <= offset) continue;
                int peak = kind == WaveKind.Qrs
                    ? FarthestFromLevel(filteredSignal, onset, offset, median)
                    : FarthestFromChord(filteredSignal, onset, offset);
                waves.Add(new Wave(kind, onset, peak, offset));
            }
        }
        waves.Sort((a, b) => a.Onset.CompareTo(b.Onset));
        return waves;
    }

    private static int FarthestFromLevel(ReadOnlySpan<double> x, int first, int last, double level)
    {
        int best = first;
        double bestDistance = -1;
        for (int i = first; i <= last; i++)
        {
            double d = Math.Abs(x[i] - level);
            if (d > bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static int FarthestFromChord(ReadOnlySpan<double> x, int first, int last)
    {
        if (last == first) return first;
        double slope = (x[last] - x[first]) / (last - first);
        int best = first;
        double bestDistance = -1;
        for (int i = first; i <= last; i++)
        {
            double d = Math.Abs(x[i] - (x[first] + slope * (i - first)));
            if (d > bestDistance)
            {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    private static bool IsWave(byte label) => label is WaveLabels.P or WaveLabels.Qrs or WaveLabels.T;

    private readonly record struct Run(byte Label, int First, int Length);

    private static List<Run> Runs(ReadOnlySpan<byte> labels)
    {
        var runs = new List<Run>();
        int start = 0;
        for (int i = 1; i <= labels.Length; i++)
        {
            if (i < labels.Length && labels[i] == labels[start]) continue;
            runs.Add(new Run(labels[start], start, i - start));
            start = i;
        }
        return runs;
    }
}
