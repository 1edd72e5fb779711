namespace SemiSegEcg.Synthetic;

/// <summary>
/// The Gaussian components of one planned beat and the spans they label. Each labelled span is exactly the
/// above-threshold envelope of its components: P is one Gaussian; a narrow QRS is Q, R and S with Q starting at
/// the QRS onset and S ending at its offset (R lies inside); a premature QRS is a wide asymmetric main deflection
/// and an opposite terminal one; T is two half-Gaussians with a slower rise than fall. The optional U wave is
/// drawn but labelled background.
/// </summary>
internal sealed record BeatShapes(WaveSpan? P, WaveSpan Qrs, WaveSpan T, IReadOnlyList<WaveShape> Components)
{
    private const double UGapAfterTS = 0.03, UMarginBeforeNextS = 0.02;

    /// <param name="nextFirstOnsetS">First onset of the following beat, to keep a U wave clear of the next P.</param>
    public static BeatShapes Build(PlannedBeat beat, RecordMorphology m, double nextFirstOnsetS)
    {
        var components = new List<WaveShape>(7);
        double onset = beat.QrsOnsetS, duration = beat.QrsDurationS;

        WaveSpan? p = null;
        if (beat.HasP)
        {
            double pOnset = onset - beat.PrS, pOffset = pOnset + beat.PDurationS;
            var shape = WaveShape.Spanning(pOnset, (pOnset + pOffset) / 2, pOffset, beat.WaveScale * m.P);
            components.Add(shape);
            p = new WaveSpan(pOnset, shape.CenterS, pOffset);
        }

        var qrs = new WaveSpan(onset, beat.PeakS, beat.QrsOffsetS);
        if (beat.Type == SyntheticBeatType.Premature)
        {
            components.Add(WaveShape.Spanning(onset, beat.PeakS, onset + 0.8 * duration, beat.QrsScale * m.PrematureMain));
            components.Add(WaveShape.Spanning(onset + 0.45 * duration, onset + 0.725 * duration, beat.QrsOffsetS, beat.QrsScale * m.PrematureSecond));
        }
        else
        {
            double qHalf = m.QWidthFraction * duration / 2, rHalf = m.RWidthFraction * duration / 2, sHalf = m.SWidthFraction * duration / 2;
            components.Add(WaveShape.Spanning(onset, onset + qHalf, onset + 2 * qHalf, beat.QrsScale * m.Q));
            components.Add(WaveShape.Spanning(beat.PeakS - rHalf, beat.PeakS, beat.PeakS + rHalf, beat.QrsScale * m.R));
            components.Add(WaveShape.Spanning(beat.QrsOffsetS - 2 * sHalf, beat.QrsOffsetS - sHalf, beat.QrsOffsetS, beat.QrsScale * m.S));
        }

        double tOnset = beat.TOnsetS, tOffset = beat.TOffsetS;
        double asymmetry = beat.Type == SyntheticBeatType.Premature ? m.PrematureTAsymmetry : m.TAsymmetry;
        double tPeak = tOnset + (tOffset - tOnset) * asymmetry / (1 + asymmetry);
        var tVector = beat.WaveScale * (beat.Type == SyntheticBeatType.Premature ? m.PrematureT : m.T);
        components.Add(WaveShape.Spanning(tOnset, tPeak, tOffset, tVector));
        var t = new WaveSpan(tOnset, tPeak, tOffset);

        if (m.U is CardiacVector u && beat.Type != SyntheticBeatType.Premature)
        {
            double uDuration = 0.4 * (tOffset - tOnset);
            double uOnset = tOffset + UGapAfterTS;
            if (uOnset + uDuration <= nextFirstOnsetS - UMarginBeforeNextS)
                components.Add(WaveShape.Spanning(uOnset, uOnset + uDuration / 2, uOnset + uDuration, beat.WaveScale * u));
        }
        return new BeatShapes(p, qrs, t, components);
    }
}
