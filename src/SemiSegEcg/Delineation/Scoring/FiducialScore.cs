namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// The literature's scores of one fiducial: sensitivity over the annotated marks, positive predictive value over the
/// predictions that can be judged (see <see cref="AnnotatedSpans"/>), and the signed error (predicted − reference) of
/// the matched pairs. Ratios and errors are NaN when undefined.
/// </summary>
/// <param name="References">Annotated marks.</param>
/// <param name="Matched">Marks matched to a prediction within the tolerance (true positives).</param>
/// <param name="FalsePositives">Unmatched predictions inside an annotated span; null where PPV is not defined (best lead).</param>
/// <param name="ErrorSdMs">Standard deviation of the signed errors over all matched pairs (divide by n).</param>
public sealed record FiducialScore(
    Fiducial Fiducial,
    long References,
    long Matched,
    long? FalsePositives,
    double MeanErrorMs,
    double ErrorSdMs)
{
    public long Missed => References - Matched;

    public double SensitivityPercent => References == 0 ? double.NaN : 100.0 * Matched / References;

    public double PositivePredictivityPercent =>
        FalsePositives is long fp && Matched + fp > 0 ? 100.0 * Matched / (Matched + fp) : double.NaN;
}
