namespace SemiSegEcg.Data;

/// <summary>
/// The one vocabulary of mask values: the per-sample class ids of every mask in the benchmark (background, P, QRS, T;
/// docs/reference/original-behaviour.md#label-encoding) and the one "ignore" sentinel. Delineation's <c>WaveKind</c>
/// takes its values from here.
/// </summary>
public static class WaveLabels
{
    public const byte Background = 0;
    public const byte P = 1;
    public const byte Qrs = 2;
    public const byte T = 3;

    /// <summary>Number of classes, background included; every IoU mean is over all of them.</summary>
    public const int ClassCount = 4;

    /// <summary>
    /// An unannotated sample: excluded from the loss and from every metric. Only a TRUE label may be ignore (the
    /// original has no such value, so it never changes a reference number).
    /// </summary>
    public const byte Ignore = 255;

    public static readonly string[] Names = ["background", "P", "QRS", "T"];

    public static bool IsClass(long label) => label is >= 0 and < ClassCount;

    /// <summary>True for P, QRS and T (the classes that have onsets and offsets).</summary>
    public static bool IsWave(long label) => label is >= P and <= T;
}
