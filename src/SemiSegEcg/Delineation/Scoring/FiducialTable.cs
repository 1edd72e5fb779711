namespace SemiSegEcg.Delineation.Scoring;

/// <summary>One scored setting (database, lead choice): a <see cref="FiducialScore"/> per <see cref="Fiducial"/>.</summary>
/// <param name="Name">What was scored, e.g. <c>LUDB test, single lead</c>.</param>
/// <param name="Units">How many record/lead pairs (or records, for lead combinations) were scored.</param>
public sealed record FiducialTable(string Name, double ToleranceMs, int Units, IReadOnlyList<FiducialScore> Scores)
{
    public FiducialScore this[Fiducial fiducial] => Scores.Single(s => s.Fiducial == fiducial);
}
