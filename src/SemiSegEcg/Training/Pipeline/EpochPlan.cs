using SemiSegEcg.Randomness;

namespace SemiSegEcg.Training.Pipeline;

/// <summary>
/// The sample order of one epoch, as the original's loaders produce it: training loaders shuffle without replacement
/// and drop the last partial batch; semi-supervised runs repeat the labeled list ⌈U/L⌉ times, cut it to exactly U
/// entries and shuffle that, so labeled and unlabeled loaders have the same length (floor(U/B) steps).
/// Depends only on (seed, epoch), so a resumed run replays exactly the same order.
/// </summary>
public sealed record EpochPlan(int[] LabeledOrder, int[]? UnlabeledOrder, int Steps, int BatchSize)
{
    /// <param name="oversampleTo">U when the labeled set is oversampled to the unlabeled size (SSL, step-matched), else null.</param>
    public static EpochPlan Create(int labeledCount, int? unlabeledCount, int? oversampleTo, int batchSize, long seed, int epoch)
    {
        if (labeledCount < 1) throw new ArgumentException("the labeled training split is empty");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "batch size must be at least 1");
        int labeledLength = oversampleTo ?? labeledCount;
        int[] repeated = Enumerable.Range(0, labeledLength).Select(i => i % labeledCount).ToArray();
        var labeledRandom = SeededRandom.Derive(seed, epoch, 0);
        int[] labeledOrder = labeledRandom.Permutation(labeledLength).Select(i => repeated[i]).ToArray();

        int[]? unlabeledOrder = null;
        int steps = labeledLength / batchSize;
        if (unlabeledCount is int u)
        {
            unlabeledOrder = SeededRandom.Derive(seed, epoch, 1).Permutation(u);
            steps = Math.Min(steps, u / batchSize);
        }
        if (steps < 1)
            throw new ArgumentException($"an epoch has no full batch: {labeledLength} labeled{(unlabeledCount is int n ? $" and {n} unlabeled" : "")} samples for batch size {batchSize} (drop_last)");
        return new EpochPlan(labeledOrder, unlabeledOrder, steps, batchSize);
    }

    public ReadOnlySpan<int> LabeledBatch(int step) => LabeledOrder.AsSpan(step * BatchSize, BatchSize);

    public ReadOnlySpan<int> UnlabeledBatch(int step) =>
        (UnlabeledOrder ?? throw new InvalidOperationException("this epoch has no unlabeled loader")).AsSpan(step * BatchSize, BatchSize);
}
