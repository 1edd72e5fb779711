using SemiSegEcg.Randomness;

namespace SemiSegEcg.Synthetic;

/// <summary>
/// Generates multi-lead ECG records with exact delineation masks, in the manner of ECGSYN (McSharry et al. 2003)
/// but directly in time: every wave is a sum of Gaussian-shaped components, each with a heart-vector direction that
/// is projected onto the 12 lead axes, so leads differ in amplitude and polarity but share timing.
/// <para><b>Ground-truth rule.</b> A wave is present where the envelope of its components exceeds
/// <see cref="EnvelopeThresholdFraction"/> of their peak; its mask run is every sample whose time falls in that
/// span. QRS runs from the Q onset to the S offset. Background separates P from QRS (PR segment ≥ 40 ms), QRS from
/// T (ST ≥ 30 ms) and T from the next beat (≥ 40 ms), so waves never touch. U waves and AF f-waves are background.</para>
/// <para><b>Determinism.</b> Everything comes from <see cref="SeededRandom"/> streams derived from the seed (record
/// type, rhythm, morphology, leads, f-waves, noise), so a seed reproduces a record exactly on any machine, and
/// noise options do not change the clean signal or the mask.</para>
/// </summary>
public static class SyntheticEcgGenerator
{
    /// <summary>Fraction of a wave's peak envelope that marks its onset and offset.</summary>
    public const double EnvelopeThresholdFraction = 0.1;

    private const long RecordTypeStream = 0, RhythmStream = 1, MorphologyStream = 2, LeadStream = 3, FibrillationStream = 4, NoiseStream = 5;

    public static SyntheticEcg Generate(SyntheticEcgOptions options, long seed)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        double fs = options.SamplingRateHz;
        int length = options.LengthSamples;

        bool atrialFibrillation = SeededRandom.Derive(seed, RecordTypeStream).NextDouble() < options.AtrialFibrillationProbability;
        var morphology = RecordMorphology.Draw(SeededRandom.Derive(seed, MorphologyStream));
        var leadSystem = LeadSystem.Create(options.LeadCount, SeededRandom.Derive(seed, LeadStream));
        var planned = RhythmPlanner.Plan(options, morphology, atrialFibrillation, SeededRandom.Derive(seed, RhythmStream));

        var clean = NewLeads(options.LeadCount, length);
        var beats = new List<SyntheticBeat>(planned.Count);
        var scratch = new double[512];
        SyntheticWave? previousQrs = null;
        for (int i = 0; i < planned.Count; i++)
        {
            double nextOnsetS = i + 1 < planned.Count ? planned[i + 1].FirstOnsetS : double.PositiveInfinity;
            var shapes = BeatShapes.Build(planned[i], morphology, nextOnsetS);
            foreach (var component in shapes.Components) component.AddTo(clean, leadSystem.Axes, fs, ref scratch);

            var beat = ToBeat(planned[i].Type, shapes, previousQrs, fs, length);
            previousQrs = beat.Qrs;
            if (IsVisible(beat, length))
            {
                if (i == 0) throw new InvalidOperationException($"synthetic record with seed {seed}: the first planned beat reaches into the record, so its RR is unknown");
                beats.Add(beat);
            }
        }
        if (atrialFibrillation) FibrillatoryWaves.AddTo(clean, leadSystem.Axes, fs, SeededRandom.Derive(seed, FibrillationStream));

        var noisy = NewLeads(options.LeadCount, length);
        double snrDb = NoiseSynthesizer.Add(clean, noisy, options, seed, NoiseStream);
        var mask = SyntheticMask.Build(beats, length, options.EdgePolicy, seed);
        return new SyntheticEcg(fs, noisy, clean, leadSystem.Names, mask, beats, atrialFibrillation, snrDb);
    }

    private static SyntheticBeat ToBeat(SyntheticBeatType type, BeatShapes shapes, SyntheticWave? previousQrs, double fs, int length)
    {
        var p = shapes.P?.ToSamples(fs);
        var qrs = shapes.Qrs.ToSamples(fs);
        var t = shapes.T.ToSamples(fs);
        double msPerSample = 1000 / fs;
        // Only the first planned beat has no predecessor, and it never reaches the record.
        double rrMs = previousQrs is null ? double.NaN : (qrs.PeakSample - previousQrs.PeakSample) * msPerSample;
        bool complete = (p ?? qrs).OnsetSample >= 0 && t.OffsetSample <= length - 1;
        return new SyntheticBeat(
            type, p, qrs, t,
            rrMs,
            p is null ? null : (qrs.OnsetSample - p.OnsetSample) * msPerSample,
            (qrs.OffsetSample - qrs.OnsetSample) * msPerSample,
            (t.OffsetSample - qrs.OnsetSample) * msPerSample,
            complete);
    }

    private static bool IsVisible(SyntheticBeat beat, int length) =>
        (beat.P ?? beat.Qrs).OnsetSample <= length - 1 && beat.T.OffsetSample >= 0;

    private static double[][] NewLeads(int count, int length)
    {
        var leads = new double[count][];
        for (int i = 0; i < count; i++) leads[i] = new double[length];
        return leads;
    }
}
