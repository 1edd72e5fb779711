using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// Turns one sample's class probabilities, laid out <c>(C=4, T)</c> class-major as in <c>test_outputs.npy</c>, into
/// predictions. Two semantics exist in the reference and both are kept:
/// <list type="bullet">
/// <item><see cref="Compute(ReadOnlySpan{float})"/>: the paper notebook's one-hot, <c>probs == probs.max(axis=class)</c>, so a tie switches
/// several classes on at that position (used only by <see cref="PooledIou"/>);</item>
/// <item><see cref="ArgMax"/>: numpy/torch argmax, the first maximal class wins (used for labels: intervals,
/// per-sample IoU, boundaries).</item>
/// </list>
/// </summary>
public static class OneHotFromProbabilities
{
    /// <summary>Fills <paramref name="oneHot"/> <c>(C, T)</c> with true where a class reaches the per-position maximum.</summary>
    public static void Compute(ReadOnlySpan<float> probabilities, Span<bool> oneHot)
    {
        int length = LengthOf(probabilities);
        if (oneHot.Length != probabilities.Length)
            throw new ArgumentException($"one-hot destination holds {oneHot.Length} values, probabilities {probabilities.Length}");
        for (int t = 0; t < length; t++)
        {
            float max = MaxAt(probabilities, length, t);
            for (int c = 0; c < WaveLabels.ClassCount; c++) oneHot[c * length + t] = probabilities[c * length + t] == max;
        }
    }

    public static bool[] Compute(ReadOnlySpan<float> probabilities)
    {
        var oneHot = new bool[probabilities.Length];
        Compute(probabilities, oneHot);
        return oneHot;
    }

    /// <summary>Per position the first class whose probability is maximal (labels of length T).</summary>
    public static long[] ArgMax(ReadOnlySpan<float> probabilities)
    {
        int length = LengthOf(probabilities);
        var labels = new long[length];
        for (int t = 0; t < length; t++)
        {
            float max = MaxAt(probabilities, length, t);
            int c = 0;
            while (probabilities[c * length + t] != max) c++;
            labels[t] = c;
        }
        return labels;
    }

    internal static int LengthOf(ReadOnlySpan<float> probabilities)
    {
        if (probabilities.Length % WaveLabels.ClassCount != 0)
            throw new ArgumentException(
                $"probabilities hold {probabilities.Length} values, not a multiple of {WaveLabels.ClassCount} classes (layout (C, T))");
        return probabilities.Length / WaveLabels.ClassCount;
    }

    /// <summary>NaN would silently switch every class off (numpy) or on (argmax), so it is an error here.</summary>
    internal static float MaxAt(ReadOnlySpan<float> probabilities, int length, int t)
    {
        float max = float.NegativeInfinity;
        for (int c = 0; c < WaveLabels.ClassCount; c++)
        {
            float p = probabilities[c * length + t];
            if (float.IsNaN(p)) throw new ArgumentException($"probability of class {c} at position {t} is NaN");
            if (p > max) max = p;
        }
        return max;
    }
}
