using SemiSegEcg.Data.Prepare;
using SemiSegEcg.Delineation.Scoring;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Reference waves drawn under a delineation plot's traces: per lead (LUDB's per-lead files) or one set for every lead
/// and the consensus row (one annotator for the whole record, QTDB's q1c).
/// </summary>
public sealed class ReferenceOverlay(string label, IReadOnlyDictionary<string, IReadOnlyList<WaveSpan>> wavesByLead, IReadOnlyList<WaveSpan>? everyLead)
{
    /// <summary>What the legend calls it: <c>reference (q1c)</c>.</summary>
    public string Label { get; } = label;

    public static ReferenceOverlay From(string annotator, IReadOnlyList<LeadReference> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var byLead = references.Where(r => r.Lead is not null)
            .ToDictionary(r => r.Lead!.Trim(), r => r.Waves, StringComparer.OrdinalIgnoreCase);
        var shared = references.FirstOrDefault(r => r.Lead is null)?.Waves;
        return new ReferenceOverlay($"reference ({RecordReference.Describe(annotator)})", byLead, shared);
    }

    /// <summary>The reference waves of a lead; <see cref="LeadDelineation.ConsensusName"/> gets only the shared ones.</summary>
    public IReadOnlyList<WaveSpan> WavesOf(string lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        if (everyLead is not null) return everyLead;
        return lead != LeadDelineation.ConsensusName && wavesByLead.TryGetValue(lead.Trim(), out var waves) ? waves : [];
    }
}
