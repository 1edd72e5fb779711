using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// Lays out the beats of one record in time, from before its start to after its end so that edge beats are cut
/// like real recordings. Sinus rhythm: RR = mean RR × (1 + respiratory sinus arrhythmia + jitter), QT by Bazett on
/// the sinus cycle, PR shortening with rate, and occasional premature ventricular beats with a full compensatory
/// pause. AF-like: irregular (log-normal) RR, no P, QT on the mean rate (the QT follows the average rate, not each
/// interval). Every RR stays in the requested heart-rate range.
/// </summary>
internal sealed class RhythmPlanner
{
    // Long enough that the first planned beat ends before the record starts even at 30 bpm (the generator relies on it).
    private const double PreRollS = 3.0, PostRollS = 1.0;

    private readonly RecordMorphology _morphology;
    private readonly SeededRandom _random;
    private readonly double _minRrS, _maxRrS, _meanRrS;
    private readonly double _rsaAmplitude, _respirationHz, _respirationPhase, _jitter;

    private RhythmPlanner(SyntheticEcgOptions options, RecordMorphology morphology, SeededRandom random)
    {
        _morphology = morphology;
        _random = random;
        _minRrS = 60 / options.MaxHeartRateBpm;
        _maxRrS = 60 / options.MinHeartRateBpm;
        _meanRrS = 60 / random.Uniform(options.MinHeartRateBpm, options.MaxHeartRateBpm);
        _meanRrS = Math.Clamp(_meanRrS, _minRrS, _maxRrS);
        _rsaAmplitude = random.Uniform(0, 0.06);
        _respirationHz = random.Uniform(0.15, 0.35);
        _respirationPhase = random.Uniform(0, 2 * Math.PI);
        _jitter = random.Uniform(0.005, 0.02);
    }

    public static List<PlannedBeat> Plan(SyntheticEcgOptions options, RecordMorphology morphology, bool atrialFibrillation, SeededRandom random)
    {
        var planner = new RhythmPlanner(options, morphology, random);
        return atrialFibrillation
            ? planner.PlanFibrillation(options.DurationSeconds)
            : planner.PlanSinus(options.DurationSeconds, options.PrematureBeatProbability);
    }

    private List<PlannedBeat> PlanSinus(double durationS, double prematureProbability)
    {
        var beats = new List<PlannedBeat>();
        var previous = SinusBeat(-PreRollS + _random.Uniform(0, _meanRrS), _meanRrS);
        beats.Add(previous);
        while (previous.PeakS < durationS + PostRollS)
        {
            double rr = SinusRr(previous.PeakS);
            if (previous.Type == SyntheticBeatType.Normal && _random.NextDouble() < prematureProbability
                && TryPremature(previous, rr) is var (premature, following))
            {
                beats.Add(premature);
                beats.Add(following);
                previous = following;
                continue;
            }
            var beat = SinusBeat(previous.PeakS + rr, rr);
            KeepApart(previous, beat);
            beats.Add(beat);
            previous = beat;
        }
        return beats;
    }

    /// <summary>
    /// A premature beat after <paramref name="previous"/> and the sinus beat after the compensatory pause (the sinus
    /// node keeps its rhythm; the beat it would have fired during the refractory period is lost); null when the
    /// premature beat cannot come early enough without touching the previous T wave.
    /// </summary>
    private (PlannedBeat Premature, PlannedBeat Following)? TryPremature(PlannedBeat previous, double rr)
    {
        double nextRr = SinusRr(previous.PeakS + rr);
        var premature = PrematureBeat(previous.PeakS + _random.Uniform(0.55, 0.75) * rr);
        double previousQt = previous.QtS;
        KeepApart(previous, premature);
        if (premature.PeakS - previous.PeakS > BeatTiming.MaxPrematureCouplingFraction * rr)
        {
            previous.QtS = previousQt;
            return null;
        }
        var following = SinusBeat(previous.PeakS + rr + nextRr, nextRr);
        KeepApart(premature, following);
        return (premature, following);
    }

    private List<PlannedBeat> PlanFibrillation(double durationS)
    {
        double spread = _random.Uniform(0.12, 0.3);
        var beats = new List<PlannedBeat>();
        var previous = FibrillationBeat(-PreRollS + _random.Uniform(0, _meanRrS));
        beats.Add(previous);
        while (previous.PeakS < durationS + PostRollS)
        {
            double rr = Math.Clamp(_meanRrS * Math.Exp(spread * _random.NextGaussian() - spread * spread / 2), _minRrS, _maxRrS);
            var beat = FibrillationBeat(previous.PeakS + rr);
            KeepApart(previous, beat);
            beats.Add(beat);
            previous = beat;
        }
        return beats;
    }

    private double SinusRr(double timeS)
    {
        double respiration = Math.Sin(2 * Math.PI * _respirationHz * timeS + _respirationPhase);
        double rr = _meanRrS * (1 + _rsaAmplitude * respiration + _jitter * _random.NextGaussian());
        return Math.Clamp(rr, _minRrS, _maxRrS);
    }

    private PlannedBeat SinusBeat(double peakS, double sinusRrS)
    {
        double qrs = Math.Clamp(_morphology.QrsBaseS + 0.002 * _random.NextGaussian(), BeatTiming.MinQrsS, BeatTiming.MaxQrsS);
        double heartRate = 60 / sinusRrS;
        // PR shortens by ~0.6 ms per bpm as the rate rises.
        double pr = Math.Clamp(_morphology.PrBaseS - 0.0006 * (heartRate - 70) + 0.003 * _random.NextGaussian(), BeatTiming.MinPrS, BeatTiming.MaxPrS);
        // At PR = 120 ms the upper bound equals the lower one up to rounding, hence the outer Max.
        double pLongest = Math.Max(BeatTiming.MinPDurationS, Math.Min(BeatTiming.MaxPDurationS, pr - BeatTiming.MinPrSegmentS));
        double pDuration = Math.Clamp(_morphology.PDurationBaseS + 0.003 * _random.NextGaussian(), BeatTiming.MinPDurationS, pLongest);
        return NarrowBeat(SyntheticBeatType.Normal, peakS, qrs, pr, pDuration, sinusRrS);
    }

    private PlannedBeat FibrillationBeat(double peakS)
    {
        double qrs = Math.Clamp(_morphology.QrsBaseS + 0.002 * _random.NextGaussian(), BeatTiming.MinQrsS, BeatTiming.MaxQrsS);
        return NarrowBeat(SyntheticBeatType.NoP, peakS, qrs, 0, 0, _meanRrS);
    }

    private PlannedBeat NarrowBeat(SyntheticBeatType type, double peakS, double qrs, double pr, double pDuration, double qtRrS)
    {
        double sqrtRr = Math.Sqrt(qtRrS);
        double qtc = Math.Clamp(_morphology.QtcBaseS + 0.004 * _random.NextGaussian(), BeatTiming.MinQtcS, BeatTiming.MaxQtcS);
        double floor = Math.Max(BeatTiming.MinQtcS * sqrtRr, qrs + BeatTiming.MinStSegmentS + BeatTiming.MinTDurationS);
        return new PlannedBeat
        {
            Type = type,
            PeakS = peakS,
            QrsDurationS = qrs,
            PeakOffsetS = _morphology.RPeakFraction * qrs,
            PrS = pr,
            PDurationS = pDuration,
            QtS = Math.Max(qtc * sqrtRr, floor),
            QtFloorS = floor,
            PreferredTDurationS = _morphology.TDurationAt60BpmS * sqrtRr,
            MinTDurationS = BeatTiming.MinTDurationS,
            QrsScale = 1 + 0.05 * Math.Sin(2 * Math.PI * _respirationHz * peakS + _respirationPhase) + 0.02 * _random.NextGaussian(),
            WaveScale = 1 + 0.03 * _random.NextGaussian(),
        };
    }

    private PlannedBeat PrematureBeat(double peakS)
    {
        double qrs = Math.Clamp(_morphology.PrematureQrsS + 0.002 * _random.NextGaussian(), BeatTiming.MinPrematureQrsS, BeatTiming.MaxPrematureQrsS);
        double tDuration = _morphology.PrematureTDurationS;
        return new PlannedBeat
        {
            Type = SyntheticBeatType.Premature,
            PeakS = peakS,
            QrsDurationS = qrs,
            PeakOffsetS = _morphology.PrematurePeakFraction * qrs,
            PrS = 0,
            PDurationS = 0,
            QtS = qrs + _morphology.PrematureStS + tDuration,
            QtFloorS = qrs + BeatTiming.MinStSegmentS + BeatTiming.MinPrematureTDurationS,
            PreferredTDurationS = tDuration,
            MinTDurationS = BeatTiming.MinPrematureTDurationS,
            QrsScale = 1 + 0.02 * _random.NextGaussian(),
            WaveScale = 1 + 0.03 * _random.NextGaussian(),
        };
    }

    /// <summary>
    /// Makes room for the TP gap between <paramref name="before"/>'s T offset and <paramref name="after"/>'s first
    /// onset: shorten the later PR (to 120 ms), then the earlier QT (to its floor), and only then delay the later beat.
    /// Within 30–140 bpm the floors always suffice for sinus beats, so the delay never pushes an RR out of range.
    /// </summary>
    private static void KeepApart(PlannedBeat before, PlannedBeat after)
    {
        double deficit = before.TOffsetS + BeatTiming.MinTpGapS - after.FirstOnsetS;
        if (deficit <= 0) return;
        if (after.HasP)
        {
            double cut = Math.Min(deficit, after.PrS - BeatTiming.MinPrS);
            after.PrS -= cut;
            after.PDurationS = Math.Min(after.PDurationS, after.PrS - BeatTiming.MinPrSegmentS);
            deficit -= cut;
        }
        if (deficit > 0)
        {
            double cut = Math.Min(deficit, before.QtS - before.QtFloorS);
            before.QtS -= cut;
            deficit -= cut;
        }
        if (deficit > 0) after.PeakS += deficit;
    }
}
