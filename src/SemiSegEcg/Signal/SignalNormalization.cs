namespace SemiSegEcg.Signal;

/// <summary>How each model input window is scaled after filtering.</summary>
public enum SignalNormalization
{
    /// <summary>z-score over the window with the population standard deviation (the benchmark's <c>standardize</c>).</summary>
    ZScore,
}
