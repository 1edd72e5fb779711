namespace SemiSegEcg.Synthetic;

/// <summary>
/// A generated multi-lead record. All leads share the timing of the beats and the one integrated
/// <see cref="Mask"/> (as QTDB and ISP annotate: a wave spans from its earliest onset to its latest offset in any lead).
/// </summary>
/// <param name="Leads">(lead, sample) in mV: <see cref="CleanLeads"/> plus baseline wander, powerline and broadband noise.</param>
/// <param name="CleanLeads">(lead, sample) in mV: the cardiac signal alone (AF f-waves included), for measuring noise.</param>
/// <param name="Mask">Per-sample class of <see cref="Data.WaveLabels"/>, shared by every lead.</param>
/// <param name="Beats">Every beat with at least one wave sample inside the record, in time order.</param>
/// <param name="SnrDb">The record's broadband-noise SNR (see <see cref="SyntheticEcgOptions.MinSnrDb"/>).</param>
public sealed record SyntheticEcg(
    double SamplingRateHz,
    double[][] Leads,
    double[][] CleanLeads,
    string[] LeadNames,
    byte[] Mask,
    IReadOnlyList<SyntheticBeat> Beats,
    bool IsAtrialFibrillationLike,
    double SnrDb)
{
    public int LengthSamples => Mask.Length;
}
