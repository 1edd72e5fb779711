namespace SemiSegEcg.Evaluation;

/// <summary>Boundary scores of one tolerance: one <see cref="BoundaryScore"/> per <see cref="BoundaryKind"/>, in enum order.</summary>
/// <param name="AverageF1">Mean F1 over the boundary kinds whose F1 is defined; NaN when none is.</param>
public sealed record BoundaryReport(double ToleranceMs, int ToleranceSamples, IReadOnlyList<BoundaryScore> Scores, double AverageF1)
{
    public BoundaryScore this[BoundaryKind kind] => Scores.Single(s => s.Kind == kind);
}
