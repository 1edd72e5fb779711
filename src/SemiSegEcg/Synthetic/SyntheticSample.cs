namespace SemiSegEcg.Synthetic;

/// <summary>One lead of one synthetic record, shaped like a benchmark training sample.</summary>
/// <param name="Signal">The noisy lead in mV.</param>
/// <param name="Label">Per-sample class (<see cref="Data.WaveLabels"/>); a copy owned by this sample.</param>
public sealed record SyntheticSample(string Name, string SubjectId, double SamplingRateHz, float[] Signal, byte[] Label);
