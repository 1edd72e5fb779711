using SemiSegEcg.Data;

namespace SemiSegEcg.Delineation;

/// <summary>The delineated waves; values equal their <see cref="WaveLabels"/> class ids.</summary>
public enum WaveKind
{
    P = WaveLabels.P,
    Qrs = WaveLabels.Qrs,
    T = WaveLabels.T,
}
