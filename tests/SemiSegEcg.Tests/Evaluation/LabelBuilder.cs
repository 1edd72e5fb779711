using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Tests.Evaluation;

/// <summary>Hand-made label sequences: background everywhere except the given inclusive runs.</summary>
internal static class LabelBuilder
{
    public static long[] Build(int length, params (int First, int Last, byte Class)[] runs)
    {
        var labels = new long[length];
        foreach (var (first, last, cls) in runs)
        {
            for (int i = first; i <= last; i++) labels[i] = (long)cls;
        }
        return labels;
    }

    /// <summary>Sets the inclusive range to <see cref="WaveLabels.Ignore"/> (truth only).</summary>
    public static long[] Ignore(long[] labels, int first, int last)
    {
        var copy = (long[])labels.Clone();
        for (int i = first; i <= last; i++) copy[i] = WaveLabels.Ignore;
        return copy;
    }

    /// <summary>One-hot float probabilities <c>(4, T)</c> of the labels.</summary>
    public static float[] OneHotProbabilities(long[] labels)
    {
        var probabilities = new float[WaveLabels.ClassCount * labels.Length];
        for (int t = 0; t < labels.Length; t++) probabilities[labels[t] * labels.Length + t] = 1f;
        return probabilities;
    }
}
