namespace SemiSegEcg.Delineation;

/// <summary>Settings of the whole delineation: windowing, wave clean-up, beat assembly and the consensus track.</summary>
public sealed record DelineationOptions
{
    public WindowingOptions Windowing { get; init; } = new();

    public WaveExtractionOptions Waves { get; init; } = new();

    public BeatAssemblyOptions Beats { get; init; } = new();

    /// <summary>Dropping the P waves of recordings without consistent atrial activity (model output only).</summary>
    public AtrialActivityOptions AtrialActivity { get; init; } = new();

    /// <summary>Add the lead-consensus track (only for recordings with two or more leads).</summary>
    public bool IncludeConsensus { get; init; } = true;

    /// <summary>Lead whose signal gives the consensus peaks; null = lead II if present, else the largest (see <see cref="LeadConsensus.PeakLead"/>).</summary>
    public string? ConsensusPeakLead { get; init; }
}
