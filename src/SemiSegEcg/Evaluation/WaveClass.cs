namespace SemiSegEcg.Evaluation;

/// <summary>Per-sample class ids of the benchmark's label masks (docs/reference/original-behaviour.md#label-encoding).</summary>
public enum WaveClass
{
    Background = 0,
    P = 1,
    Qrs = 2,
    T = 3,
}
