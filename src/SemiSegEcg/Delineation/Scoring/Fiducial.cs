namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// The fiducial points the delineation literature scores, in its table order. T onset is left out: QTDB's manual
/// annotators mostly did not mark it, so published tables do not report it.
/// </summary>
public enum Fiducial
{
    POnset,
    PPeak,
    POffset,
    QrsOnset,
    QrsOffset,
    TPeak,
    TOffset,
}
