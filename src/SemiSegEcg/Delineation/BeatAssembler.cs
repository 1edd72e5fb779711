namespace SemiSegEcg.Delineation;

/// <summary>
/// Groups one lead's waves into beats, one per QRS.
/// <list type="bullet">
/// <item>P: the last P wave that ends before the QRS onset, within <see cref="BeatAssemblyOptions.MaxPOffsetToQrsOnsetMs"/>,
/// and starts after the previous QRS offset; none (e.g. atrial fibrillation) leaves PR null.</item>
/// <item>T: the first T wave that starts after the QRS offset, within <see cref="BeatAssemblyOptions.MaxQrsOffsetToTOnsetMs"/>,
/// and before the next QRS onset.</item>
/// <item>Intervals from sample differences, the rules of <see cref="Evaluation.IntervalExtractor"/>: PR = QRS onset − P
/// onset, QRS = QRS offset − QRS onset (no +1), QT = T offset − QRS onset.</item>
/// <item>RR between consecutive QRS onsets: onsets come from the labels and are consistent across beat shapes,
/// whereas the largest deflection can jump between R and S. A beat uses the interval before it; the first beat the
/// one after it; a lone beat has none. HR = 60000 / RR; QTc Bazett = QT / √(RR in s); Fridericia = QT / ∛(RR in s).</item>
/// </list>
/// </summary>
public sealed class BeatAssembler
{
    public BeatAssembler(BeatAssemblyOptions? options = null)
    {
        Options = options ?? new BeatAssemblyOptions();
        Options.Validate();
    }

    public BeatAssemblyOptions Options { get; }

    /// <param name="waves">One lead's waves (any order).</param>
    public IReadOnlyList<Beat> Assemble(IReadOnlyList<Wave> waves, double samplingRateHz)
    {
        ArgumentNullException.ThrowIfNull(waves);
        if (!(samplingRateHz > 0)) throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be positive");
        double msPerSample = 1000 / samplingRateHz;
        var qrs = waves.Where(w => w.Kind == WaveKind.Qrs).OrderBy(w => w.Onset).ToList();
        var ps = waves.Where(w => w.Kind == WaveKind.P).OrderBy(w => w.Onset).ToList();
        var ts = waves.Where(w => w.Kind == WaveKind.T).OrderBy(w => w.Onset).ToList();

        var beats = new List<Beat>(qrs.Count);
        for (int i = 0; i < qrs.Count; i++)
        {
            var q = qrs[i];
            int previousOffset = i > 0 ? qrs[i - 1].Offset : int.MinValue;
            int nextOnset = i + 1 < qrs.Count ? qrs[i + 1].Onset : int.MaxValue;

            Wave? p = ps.LastOrDefault(w => w.Offset < q.Onset && (q.Onset - w.Offset) * msPerSample <= Options.MaxPOffsetToQrsOnsetMs
                                           && w.Onset > previousOffset);
            Wave? t = ts.FirstOrDefault(w => w.Onset > q.Offset && (w.Onset - q.Offset) * msPerSample <= Options.MaxQrsOffsetToTOnsetMs
                                            && w.Onset < nextOnset);

            double? rrMs = qrs.Count < 2 ? null
                : i > 0 ? (q.Onset - qrs[i - 1].Onset) * msPerSample
                : (qrs[1].Onset - q.Onset) * msPerSample;
            double? qtMs = t is null ? null : (t.Offset - q.Onset) * msPerSample;
            bool hasRr = rrMs is > 0;
            double rrSeconds = hasRr ? rrMs!.Value / 1000 : double.NaN;
            beats.Add(new Beat(
                i, q, p, t,
                hasRr ? rrMs : null,
                hasRr ? 60000 / rrMs : null,
                p is null ? null : (q.Onset - p.Onset) * msPerSample,
                (q.Offset - q.Onset) * msPerSample,
                qtMs,
                hasRr && qtMs is { } qtB ? qtB / Math.Sqrt(rrSeconds) : null,
                hasRr && qtMs is { } qtF ? qtF / Math.Cbrt(rrSeconds) : null));
        }
        return beats;
    }
}
