using SemiSegEcg.Randomness;

namespace SemiSegEcg.Training.Pipeline;

/// <summary>
/// The sample order of one epoch, as the original's loaders produce it: training loaders shuffle without replacement
/// and drop the last partial batch; semi-supervised runs repeat the labeled list ⌈U/L⌉ times, cut it to exactly U
/// entries and shuffle that, so labeled and unlabeled loaders have the same length (floor(U/B) steps).
/// With <c>dataloader.drop_last: false</c> the last partial batch is kept as a shorter last step (⌈U/B⌉ steps); the
/// order is the same either way. Depends only on (seed, epoch), so a resumed run replays exactly the same order.
/// </summary>
public sealed record EpochPlan(int[] LabeledOrder, int[]? UnlabeledOrder, int Steps, int BatchSize)
{
    /// <param name="oversampleTo">U when the labeled set is oversampled to the unlabeled size (SSL, step-matched), else null.</param>
    /// <param name="dropLast">Drop the last partial batch of each loader (the original's training loaders) or keep it.</param>
    public static EpochPlan Create(int labeledCount, int? unlabeledCount, int? oversampleTo, int batchSize, long seed, int epoch, bool dropLast = true)
    {
        if (labeledCount < 1) throw new ArgumentException("the labeled training split is empty");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), "batch size must be at least 1");
        int labeledLength = oversampleTo ?? labeledCount;
        int[] repeated = Enumerable.Range(0, labeledLength).Select(i => i % labeledCount).ToArray();
        var labeledRandom = SeededRandom.Derive(seed, epoch, 0);
        int[] labeledOrder = labeledRandom.Permutation(labeledLength).Select(i => repeated[i]).ToArray();

        int[]? unlabeledOrder = null;
        int Batches(int length) => dropLast ? length / batchSize : (length + batchSize - 1) / batchSize;
        int steps = Batches(labeledLength);
        if (unlabeledCount is int u)
        {
            unlabeledOrder = SeededRandom.Derive(seed, epoch, 1).Permutation(u);
            steps = Math.Min(steps, Batches(u));
        }
        if (steps < 1)
            throw new ArgumentException($"an epoch has no full batch: {labeledLength} labeled{(unlabeledCount is int n ? $" and {n} unlabeled" : "")} " +
                $"samples for batch size {batchSize} (the last partial batch is dropped; dataloader.drop_last: false keeps it)");
        return new EpochPlan(labeledOrder, unlabeledOrder, steps, batchSize);
    }

    public ReadOnlySpan<int> LabeledBatch(int step) => Batch(LabeledOrder, step);

    public ReadOnlySpan<int> UnlabeledBatch(int step) =>
        Batch(UnlabeledOrder ?? throw new InvalidOperationException("this epoch has no unlabeled loader"), step);

    /// <summary>Batch <paramref name="step"/> of a loader's order: full, or the shorter remainder at the end (drop_last false).</summary>
    private ReadOnlySpan<int> Batch(int[] order, int step)
    {
        int start = step * BatchSize;
        return order.AsSpan(start, Math.Min(BatchSize, order.Length - start));
    }
}
