namespace SemiSegEcg.Evaluation;

/// <summary>The six delineation boundaries, in report order.</summary>
public enum BoundaryKind
{
    POnset,
    POffset,
    QrsOnset,
    QrsOffset,
    TOnset,
    TOffset,
}
