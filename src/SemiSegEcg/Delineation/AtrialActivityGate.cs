namespace SemiSegEcg.Delineation;

/// <summary>
/// Decides whether a recording's P waves describe atrial activity that drives the ventricles. A network trained on
/// sinus beats outlines flutter waves, fibrillatory waves and paced atrial deflections as P waves; what tells them
/// apart is rhythm, not shape: in a conducted rhythm each QRS has exactly one P wave before it, at a nearly constant
/// PR interval, while fibrillatory and flutter waves land at any distance from the QRS, one or several per beat.
/// <list type="bullet">
/// <item>A beat is coupled when exactly one P wave lies between the previous QRS offset and its QRS onset, ending at most
/// <see cref="BeatAssemblyOptions.MaxPOffsetToQrsOnsetMs"/> before the QRS, with a PR interval within
/// <see cref="AtrialActivityOptions.PrToleranceMs"/> of the lead's median PR.</item>
/// <item>A lead's score is its fraction of coupled beats; the recording's is the median over leads with a QRS, so a
/// noisy lead or two cannot decide for twelve.</item>
/// <item>Below <see cref="AtrialActivityOptions.MinCoupledFraction"/> the recording's P waves are dropped from every
/// lead and from the consensus (labels become background), so no PR interval is reported.</item>
/// </list>
/// </summary>
public sealed class AtrialActivityGate
{
    private readonly AtrialActivityOptions _options;
    private readonly double _maxPOffsetToQrsOnsetMs;

    public AtrialActivityGate(AtrialActivityOptions options, BeatAssemblyOptions beats)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(beats);
        options.Validate();
        _options = options;
        _maxPOffsetToQrsOnsetMs = beats.MaxPOffsetToQrsOnsetMs;
    }

    /// <summary>The recording's score: the median over leads with at least one QRS; null when no lead has one.</summary>
    public double? CoupledFraction(IEnumerable<IReadOnlyList<Wave>> leadWaves, double samplingRateHz)
    {
        ArgumentNullException.ThrowIfNull(leadWaves);
        return Medians.Of(leadWaves.Select(w => LeadCoupledFraction(w, samplingRateHz)));
    }

    /// <summary>True when the P waves should be dropped: the gate is on and the score is below the threshold.</summary>
    public bool DropsPWaves(double? coupledFraction) =>
        _options.Enabled && coupledFraction is double score && score < _options.MinCoupledFraction;

    /// <summary>One lead's fraction of coupled beats; null without a QRS.</summary>
    public double? LeadCoupledFraction(IReadOnlyList<Wave> waves, double samplingRateHz)
    {
        ArgumentNullException.ThrowIfNull(waves);
        double msPerSample = 1000 / samplingRateHz;
        var qrs = waves.Where(w => w.Kind == WaveKind.Qrs).OrderBy(w => w.Onset).ToList();
        if (qrs.Count == 0) return null;
        var ps = waves.Where(w => w.Kind == WaveKind.P).OrderBy(w => w.Onset).ToList();

        var prMs = new double?[qrs.Count];
        var single = new bool[qrs.Count];
        for (int i = 0; i < qrs.Count; i++)
        {
            int previousOffset = i > 0 ? qrs[i - 1].Offset : int.MinValue;
            int onset = qrs[i].Onset;
            var before = ps.Where(p => p.Onset > previousOffset && p.Offset < onset && (onset - p.Offset) * msPerSample <= _maxPOffsetToQrsOnsetMs).ToList();
            single[i] = before.Count == 1;
            if (before.Count > 0) prMs[i] = (onset - before[^1].Onset) * msPerSample;
        }
        if (Medians.Of(prMs) is not double median) return 0;
        int coupled = Enumerable.Range(0, qrs.Count).Count(i => single[i] && Math.Abs(prMs[i]!.Value - median) <= _options.PrToleranceMs);
        return (double)coupled / qrs.Count;
    }
}
