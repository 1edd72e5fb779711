using SemiSegEcg.Algorithms;
using SemiSegEcg.Training.Pipeline;

namespace SemiSegEcg.Tests.Infrastructure;

/// <summary>Host batches for one step of any method: sine-plus-noise signals, a banded 4-class mask, and the unlabeled views it needs.</summary>
public static class SyntheticStepBatches
{
    public static StepBatches Create(AlgorithmDataNeeds needs, int batch = 2, int length = 2500, int seed = 1)
    {
        var generator = new Random(seed);
        float[] Signal() => Enumerable.Range(0, batch * length).Select(i => (float)Math.Sin(i * 0.05) + 0.1f * (float)generator.NextDouble()).ToArray();
        var masks = Enumerable.Range(0, batch * length).Select(i => (long)(i % length / 200 % 4)).ToArray();
        var indices = Enumerable.Range(0, batch).ToArray();
        var labeled = new HostBatch(batch, length, Signal(), masks, [], indices);
        HostBatch? unlabeled = needs.UsesUnlabeled
            ? new HostBatch(batch, length, Signal(), null, Enumerable.Range(0, needs.UnlabeledStrongViews).Select(_ => Signal()).ToList(), indices)
            : null;
        return new StepBatches(0, labeled, unlabeled);
    }
}
