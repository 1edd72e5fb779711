using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>Shared validation of (truth, prediction) pairs and the ignore masking every metric applies.</summary>
internal static class LabelChecks
{
    /// <summary>
    /// Throws unless both sequences have the same length, truth holds class ids or <see cref="WaveLabels.Ignore"/>,
    /// and the prediction holds class ids only.
    /// </summary>
    public static void Validate(ReadOnlySpan<long> truth, ReadOnlySpan<long> prediction, int sampleIndex)
    {
        if (truth.Length != prediction.Length)
            throw new ArgumentException(
                $"sample {sampleIndex}: truth has {truth.Length} time steps, prediction has {prediction.Length}");
        ValidateTruth(truth, sampleIndex);
        for (int i = 0; i < prediction.Length; i++)
        {
            if (!WaveLabels.IsClass(prediction[i]))
                throw new ArgumentException(
                    $"sample {sampleIndex} position {i}: prediction label {prediction[i]} is not a class id (0..{WaveLabels.ClassCount - 1})");
        }
    }

    public static void ValidateTruth(ReadOnlySpan<long> truth, int sampleIndex)
    {
        for (int i = 0; i < truth.Length; i++)
        {
            long v = truth[i];
            if (!WaveLabels.IsClass(v) && v != WaveLabels.Ignore)
                throw new ArgumentException(
                    $"sample {sampleIndex} position {i}: truth label {v} is not a class id (0..{WaveLabels.ClassCount - 1}) or ignore ({WaveLabels.Ignore})");
        }
    }

    /// <summary>
    /// The prediction with <see cref="WaveLabels.Ignore"/> wherever the truth is ignore, so that boundary and
    /// interval extraction treat both sequences alike. Returns the prediction itself when nothing is ignored.
    /// </summary>
    public static ReadOnlySpan<long> MaskIgnored(ReadOnlySpan<long> truth, ReadOnlySpan<long> prediction)
    {
        if (truth.IndexOf(WaveLabels.Ignore) < 0) return prediction;
        var masked = prediction.ToArray();
        for (int i = 0; i < masked.Length; i++)
        {
            if (truth[i] == WaveLabels.Ignore) masked[i] = WaveLabels.Ignore;
        }
        return masked;
    }

    public static long[] Widen(ReadOnlySpan<byte> labels)
    {
        var wide = new long[labels.Length];
        for (int i = 0; i < labels.Length; i++) wide[i] = labels[i];
        return wide;
    }
}
