namespace SemiSegEcg.Delineation;

/// <summary>One lead's (or the consensus track's) delineation.</summary>
/// <param name="Lead">Lead name, or <see cref="ConsensusName"/>.</param>
/// <param name="Labels">Cleaned per-sample labels at the native rate (what the waves were read from).</param>
/// <param name="Waves">Every complete P, QRS and T wave, by onset.</param>
public sealed record LeadDelineation(string Lead, byte[] Labels, IReadOnlyList<Wave> Waves, IReadOnlyList<Beat> Beats)
{
    public const string ConsensusName = "consensus";

    public RecordSummary Summary => RecordSummary.FromBeats(Lead, Beats.ToList());
}
