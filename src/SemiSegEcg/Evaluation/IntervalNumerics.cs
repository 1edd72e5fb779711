namespace SemiSegEcg.Evaluation;

/// <summary>One record's clinical intervals as the notebook's <c>compute_numerics</c> gives them: medians in ms, 0 when none was found.</summary>
public sealed record IntervalNumerics(double PrIntervalMs, double QrsDurationMs, double QtIntervalMs);
