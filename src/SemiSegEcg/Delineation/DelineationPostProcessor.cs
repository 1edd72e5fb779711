using SemiSegEcg.Data;

namespace SemiSegEcg.Delineation;

/// <summary>
/// From labels to a <see cref="DelineationResult"/>: per lead, <see cref="WaveExtractor"/> (on the lead band-passed at
/// its native rate) and <see cref="BeatAssembler"/>; then the consensus track through the same steps, its peaks on
/// <see cref="LeadConsensus.PeakLead"/>. Works from stitched model output or from any labels (e.g. reference
/// annotations, to check an overlay). Model output then passes <see cref="AtrialActivityGate"/>, which drops the P
/// waves of a recording without consistent atrial activity; given labels are kept as they are.
/// </summary>
public sealed class DelineationPostProcessor
{
    private readonly WaveExtractor _extractor;
    private readonly BeatAssembler _assembler;
    private readonly AtrialActivityGate _atrialGate;

    public DelineationPostProcessor(DelineationOptions? options = null)
    {
        Options = options ?? new DelineationOptions();
        _extractor = new WaveExtractor(Options.Waves);
        _assembler = new BeatAssembler(Options.Beats);
        _atrialGate = new AtrialActivityGate(Options.AtrialActivity, Options.Beats);
    }

    public DelineationOptions Options { get; }

    /// <summary>Post-processes model output; the consensus averages the leads' probabilities at the model rate.</summary>
    public DelineationResult Process(RecordingSegmentation segmentation)
    {
        ArgumentNullException.ThrowIfNull(segmentation);
        var input = segmentation.Input;
        return Build(input, segmentation.Leads.Select(l => l.NativeLabels).ToList(), () =>
        {
            var stepLabels = LeadConsensus.MeanProbabilityLabels(segmentation.Leads.Select(l => l.Probabilities).ToList(), segmentation.Grid.StepLength);
            return segmentation.Grid.ToNativeLabels(stepLabels);
        }, gateAtrialActivity: true);
    }

    /// <summary>Post-processes given native-rate labels, one track per lead; the consensus is a per-sample majority vote.</summary>
    public DelineationResult ProcessLabels(RecordingInput input, IReadOnlyList<byte[]> nativeLabels)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(nativeLabels);
        if (nativeLabels.Count != input.LeadCount)
            throw new ArgumentException($"{nativeLabels.Count} label tracks for {input.LeadCount} leads", nameof(nativeLabels));
        for (int lead = 0; lead < nativeLabels.Count; lead++)
        {
            if (nativeLabels[lead].Length != input.LengthSamples)
                throw new ArgumentException($"labels of lead '{input.LeadNames[lead]}' have {nativeLabels[lead].Length} samples, the lead {input.LengthSamples}", nameof(nativeLabels));
        }
        return Build(input, nativeLabels, () => LeadConsensus.MajorityVote(nativeLabels), gateAtrialActivity: false);
    }

    private DelineationResult Build(RecordingInput input, IReadOnlyList<byte[]> nativeLabels, Func<byte[]> consensusLabels, bool gateAtrialActivity)
    {
        double fs = input.SamplingRateHz;
        var bandPass = new EcgBandPass(fs);
        var filtered = input.Leads.Select(x => bandPass.Apply(x)).ToArray();

        var leads = new LeadDelineation[input.LeadCount];
        for (int lead = 0; lead < input.LeadCount; lead++) leads[lead] = Delineate(input.LeadNames[lead], nativeLabels[lead], filtered[lead], fs);

        LeadDelineation? consensus = null;
        if (Options.IncludeConsensus && input.LeadCount >= 2)
        {
            int peakLead = LeadConsensus.PeakLead(input.LeadNames, filtered, Options.ConsensusPeakLead);
            consensus = Delineate(LeadDelineation.ConsensusName, consensusLabels(), filtered[peakLead], fs);
        }

        double? coupled = gateAtrialActivity ? _atrialGate.CoupledFraction(leads.Select(l => l.Waves), fs) : null;
        bool dropP = gateAtrialActivity && _atrialGate.DropsPWaves(coupled);
        var warnings = input.Warnings;
        if (dropP)
        {
            for (int lead = 0; lead < leads.Length; lead++) leads[lead] = WithoutPWaves(leads[lead], fs);
            if (consensus is not null) consensus = WithoutPWaves(consensus, fs);
            warnings = [.. warnings, $"no consistent atrial activity ({coupled:P0} of beats have one P wave at a steady PR, " +
                                     $"below {Options.AtrialActivity.MinCoupledFraction:P0}): P waves and PR dropped — atrial fibrillation, flutter or pacing?"];
        }

        RecordSummary summary = consensus is not null ? consensus.Summary
            : leads.Length == 1 ? leads[0].Summary
            : RecordSummary.FromBeats("all leads", leads.SelectMany(l => l.Beats).ToList());
        return new DelineationResult(input.Name, fs, leads, consensus, summary)
        {
            Warnings = warnings,
            AtrialCoupledFraction = coupled,
            PWavesDropped = dropP,
        };
    }

    private LeadDelineation WithoutPWaves(LeadDelineation track, double fs)
    {
        byte[] labels = track.Labels.Select(l => l == WaveLabels.P ? WaveLabels.Background : l).ToArray();
        var waves = track.Waves.Where(w => w.Kind != WaveKind.P).ToList();
        return track with { Labels = labels, Waves = waves, Beats = _assembler.Assemble(waves, fs) };
    }

    private LeadDelineation Delineate(string name, byte[] labels, double[] filtered, double fs)
    {
        byte[] cleaned = _extractor.Clean(labels, fs);
        var waves = _extractor.Extract(cleaned, filtered);
        return new LeadDelineation(name, cleaned, waves, _assembler.Assemble(waves, fs));
    }
}
