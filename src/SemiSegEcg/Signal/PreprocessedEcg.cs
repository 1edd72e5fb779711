namespace SemiSegEcg.Signal;

/// <summary>One lead after the loader's deterministic steps.</summary>
/// <param name="Signal">Resampled, filtered and standardized signal, shape (T,) float32.</param>
/// <param name="Labels">Labels resampled by zero-order hold, shape (T,).</param>
public sealed record PreprocessedEcg(float[] Signal, long[] Labels);
