using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Algorithms.Shared;

/// <summary>
/// ST++'s selection of reliable unlabeled samples (docs/reference/original-behaviour.md#st-stpp): reliability of a sample = mean over the earlier
/// checkpoints of the per-sample mIoU between their prediction and the final checkpoint's (4 classes, a class absent
/// from both scoring 0); the top ⌊N/2⌋ by reliability are reliable.
/// </summary>
public static class ReliabilityRanking
{
    /// <param name="earlier">Argmax predictions of the earlier checkpoints (E/3, 2E/3), each one array per sample.</param>
    /// <param name="final">Argmax predictions of the final checkpoint.</param>
    public static double[] Scores(IReadOnlyList<IReadOnlyList<long[]>> earlier, IReadOnlyList<long[]> final)
    {
        if (earlier.Count == 0) throw new ArgumentException("reliability needs at least one earlier checkpoint");
        var scores = new double[final.Count];
        foreach (var predictions in earlier)
        {
            if (predictions.Count != final.Count) throw new ArgumentException("every checkpoint must predict every sample");
            var iou = new SampleMeanIou();
            for (int i = 0; i < final.Count; i++) iou.Add(final[i], predictions[i]);
            for (int i = 0; i < final.Count; i++) scores[i] += iou.PerSample[i] / earlier.Count;
        }
        return scores;
    }

    /// <summary>
    /// Indices of the ⌊N/2⌋ most reliable samples, most reliable first (ties keep index order).
    /// <paramref name="referenceCompatible"/> reproduces the original's bug (docs/reference/original-behaviour.md#st-stpp-selection-bug): every recorded index is
    /// overwritten by an inner loop variable, so the "reliable half" is sample 1 repeated ⌊N/2⌋ times.
    /// </summary>
    public static int[] SelectReliable(IReadOnlyList<double> scores, bool referenceCompatible = false)
    {
        int half = scores.Count / 2;
        if (half == 0) throw new ArgumentException($"ST++ needs at least 2 unlabeled samples to keep a reliable half, got {scores.Count}");
        if (referenceCompatible) return Enumerable.Repeat(Math.Min(1, scores.Count - 1), half).ToArray();
        return Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => scores[i])
            .ThenBy(i => i)
            .Take(half)
            .ToArray();
    }
}
