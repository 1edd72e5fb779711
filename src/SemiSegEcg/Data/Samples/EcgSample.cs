namespace SemiSegEcg.Data.Samples;

/// <summary>
/// A sample after the loader's deterministic steps (resampled to the model length and band-pass filtered, not yet
/// standardized — the augmentations work on this signal), computed once per run and kept in memory.
/// </summary>
/// <param name="Signal">Filtered signal, length = signal_length (2500).</param>
/// <param name="Label">Mask at the same length (0–3, 255 ignore), or null for unlabeled samples.</param>
public sealed record EcgSample(string Name, string SubjectId, double[] Signal, byte[]? Label);
