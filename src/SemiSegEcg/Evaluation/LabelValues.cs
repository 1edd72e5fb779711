using SemiSegEcg.Data;

namespace SemiSegEcg.Evaluation;

/// <summary>The label values a mask may hold: the four <see cref="WaveClass"/> ids and the one "ignore" sentinel.</summary>
public static class LabelValues
{
    /// <summary>
    /// Marks an unannotated sample. Only a TRUE label may be ignore; every metric excludes those positions
    /// (the reference has no such value, so this never changes a reference number).
    /// </summary>
    public const long Ignore = WaveLabels.Ignore;

    /// <summary>Number of classes, background included; every IoU mean is over all of them.</summary>
    public const int ClassCount = WaveLabels.ClassCount;

    public static bool IsClass(long label) => label is >= 0 and < ClassCount;

    /// <summary>True for P, QRS and T (the classes that have onsets and offsets).</summary>
    public static bool IsWave(long label) => label is >= (long)WaveClass.P and <= (long)WaveClass.T;
}
