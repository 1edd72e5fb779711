namespace SemiSegEcg.Delineation;

/// <summary>Everything delineated in one recording; samples are native-rate indices.</summary>
/// <param name="Consensus">The lead-consensus track; null for a single-lead recording or when disabled.</param>
/// <param name="Summary">Medians of the consensus beats, or of one lead's beats when there is one lead, or pooled over
/// all leads' beats when the consensus is disabled.</param>
public sealed record DelineationResult(
    string RecordName,
    double SamplingRateHz,
    IReadOnlyList<LeadDelineation> Leads,
    LeadDelineation? Consensus,
    RecordSummary Summary)
{
    /// <summary>Reader warnings carried to the output.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The <see cref="AtrialActivityGate"/> score of the model output; null for given labels or without a QRS.</summary>
    public double? AtrialCoupledFraction { get; init; }

    /// <summary>True when the gate found no consistent atrial activity and dropped every P wave.</summary>
    public bool PWavesDropped { get; init; }

    public int LengthSamples => Leads.Count > 0 ? Leads[0].Labels.Length : Consensus?.Labels.Length ?? 0;

    /// <summary>The per-lead tracks followed by the consensus, as written by the writers.</summary>
    public IEnumerable<LeadDelineation> Tracks => Consensus is null ? Leads : Leads.Append(Consensus);
}
