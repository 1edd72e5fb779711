using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// Scores one record's delineation against its <see cref="RecordReference"/>, with the conventions of
/// <see cref="DelineationEvaluation"/>: a table per annotated lead (<c>lead II</c>), the leads pooled when there are
/// several (<c>all leads</c>), and the consensus track against every lead's reference (<c>lead consensus</c>). The
/// whole record is delineated, so unlike the QTDB evaluation nothing is cropped.
/// </summary>
public static class RecordScoring
{
    public const string PooledName = "all leads";
    public const string ConsensusName = "lead consensus";

    public static string LeadName(string lead) => $"lead {LeadDisplayNames.Display(lead)}";

    /// <param name="notes">Receives one line per reference lead that was not delineated.</param>
    public static IReadOnlyList<FiducialTable> Score(DelineationResult result, IReadOnlyList<LeadReference> references, OffsetRule offsetRule,
        ICollection<string> notes, double toleranceMs = FiducialScorer.DefaultToleranceMs)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(references);
        ArgumentNullException.ThrowIfNull(notes);
        double fs = result.SamplingRateHz;
        var pairs = new List<(LeadDelineation Lead, LeadReference Reference)>();
        foreach (var reference in references)
        {
            if (reference.Lead is null)
            {
                pairs.AddRange(result.Leads.Select(l => (l, reference)));
                continue;
            }
            var lead = result.Leads.FirstOrDefault(l => string.Equals(l.Lead.Trim(), reference.Lead.Trim(), StringComparison.OrdinalIgnoreCase));
            if (lead is null) notes.Add($"{result.RecordName}: lead {reference.Lead} has a reference but was not delineated");
            else pairs.Add((lead, reference));
        }

        var tables = new List<FiducialTable>();
        var pooled = new FiducialScorer(toleranceMs);
        foreach (var (lead, reference) in pairs)
        {
            var predicted = FiducialMarks.FromWaves(lead.Waves, offsetRule);
            var single = new FiducialScorer(toleranceMs);
            single.Add(reference.Marks, predicted, reference.Spans, fs);
            pooled.Add(reference.Marks, predicted, reference.Spans, fs);
            tables.Add(single.ToTable(LeadName(lead.Lead)));
        }
        if (pairs.Count > 1) tables.Add(pooled.ToTable(PooledName));
        if (result.Consensus is { } track && pairs.Count > 0)
        {
            var consensus = new FiducialScorer(toleranceMs);
            var predicted = FiducialMarks.FromWaves(track.Waves, offsetRule);
            foreach (var reference in pairs.Select(p => p.Reference).Distinct()) consensus.Add(reference.Marks, predicted, reference.Spans, fs);
            tables.Add(consensus.ToTable(ConsensusName));
        }
        return tables;
    }
}
