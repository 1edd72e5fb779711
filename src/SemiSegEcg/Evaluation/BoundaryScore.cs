namespace SemiSegEcg.Evaluation;

/// <summary>
/// Detection and localisation scores of one boundary kind over all records. Ratios are NaN when undefined
/// (no true boundaries for sensitivity, no predictions for PPV, neither for F1, no match for the errors).
/// </summary>
/// <param name="MeanErrorMs">Mean signed error (predicted − true) of matched pairs.</param>
/// <param name="ErrorSdMs">Population standard deviation (divide by n, numpy's default) of the signed errors.</param>
public sealed record BoundaryScore(
    BoundaryKind Kind,
    long TruePositives,
    long FalsePositives,
    long FalseNegatives,
    double Sensitivity,
    double PositivePredictiveValue,
    double F1,
    double MeanErrorMs,
    double ErrorSdMs);
