namespace SemiSegEcg.Training.Pipeline;

/// <summary>
/// One batch in host memory, produced off the training thread: row-major (B, T) arrays.
/// Tensors are made from it on the training thread, inside that step's dispose scope.
/// </summary>
/// <param name="Weak">Standardized weak views, B×T.</param>
/// <param name="Masks">Masks as int64 (255 = ignore), B×T; null for unlabeled batches.</param>
/// <param name="Strong">Standardized strong views, one B×T array per strong view.</param>
/// <param name="SampleIndices">Index of each row in its sample list (for tests and ST++ bookkeeping).</param>
public sealed record HostBatch(int BatchSize, int LengthSamples, float[] Weak, long[]? Masks, IReadOnlyList<float[]> Strong, int[] SampleIndices);
