namespace SemiSegEcg.Transforms;

/// <summary>The scipy <c>interp1d</c> kinds <see cref="Resample"/> supports (config <c>kind</c>, <c>label_kind</c>).</summary>
public enum InterpolationKind
{
    /// <summary><c>linear</c> (also <c>slinear</c>): straight lines between neighbouring samples.</summary>
    Linear,

    /// <summary><c>nearest</c>: the closest sample; a position half-way between two takes the left one.</summary>
    Nearest,

    /// <summary><c>zero</c>: zero-order hold, <c>x[floor(pos)]</c>, the last output taking the last sample.</summary>
    Zero,
}
