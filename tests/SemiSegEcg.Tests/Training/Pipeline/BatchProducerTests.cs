using SemiSegEcg.Data.Samples;
using SemiSegEcg.Synthetic;
using SemiSegEcg.Tests.Transforms;
using SemiSegEcg.Training.Pipeline;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Training.Pipeline;

/// <summary>
/// The background batch producer on synthetic leads with the shipped weak crop and RandAugment (two strong views, as
/// UniMatch): its batches depend only on (seed, epoch, step), never on the number of worker threads or on timing.
/// </summary>
[Trait(Category.Trait, Category.Unit)]
public sealed class BatchProducerTests
{
    private const int Length = 2500;
    private static readonly IReadOnlyList<EcgSample> Labeled = Samples(3, seed: 1);
    private static readonly IReadOnlyList<EcgSample> Unlabeled = Samples(9, seed: 2);
    private static readonly ViewRecipe LabeledRecipe = new(Weak(), null, 0);
    private static readonly ViewRecipe UnlabeledRecipe = new(Weak(), TransformFactory.Build(TransformSpecParser.FromYaml(TransformFactoryTests.StrongAugmentationYaml)), 2);

    [Fact]
    public void Should_Produce_Identical_Batches_With_One_And_Four_Workers()
    {
        var plan = EpochPlan.Create(Labeled.Count, Unlabeled.Count, Unlabeled.Count, batchSize: 4, seed: 7, epoch: 2);

        var one = Producer(workers: 1).Epoch(plan, seed: 7, epoch: 2).ToList();
        var four = Producer(workers: 4).Epoch(plan, seed: 7, epoch: 2, prefetch: 1).ToList();

        Assert.Equal(plan.Steps, one.Count);
        Assert.Equal(Enumerable.Range(0, plan.Steps), four.Select(b => b.Step));
        for (int step = 0; step < plan.Steps; step++)
        {
            AssertSame(one[step].Labeled, four[step].Labeled);
            AssertSame(one[step].Unlabeled!, four[step].Unlabeled!);
        }
        // The augmentations did run: two strong views of one item differ, and so do its strong and weak views.
        var unlabeled = one[0].Unlabeled!;
        Assert.Equal(2, unlabeled.Strong.Count);
        Assert.NotEqual(unlabeled.Strong[0], unlabeled.Strong[1]);
        Assert.NotEqual(unlabeled.Weak, unlabeled.Strong[0]);
        Assert.Null(unlabeled.Masks);
        Assert.Contains(one[0].Labeled.Masks!, m => m != 0);
    }

    [Fact]
    public void Should_Replay_A_Step_Exactly_And_Draw_Anew_In_Another_Epoch()
    {
        var plan = EpochPlan.Create(Labeled.Count, Unlabeled.Count, Unlabeled.Count, batchSize: 4, seed: 7, epoch: 2);
        var producer = Producer(workers: 2);

        var streamed = producer.Epoch(plan, seed: 7, epoch: 2).Last();
        var rebuilt = producer.Build(plan, plan.Steps - 1, seed: 7, epoch: 2);
        var nextEpoch = producer.Build(plan, plan.Steps - 1, seed: 7, epoch: 3);

        AssertSame(streamed.Labeled, rebuilt.Labeled);
        AssertSame(streamed.Unlabeled!, rebuilt.Unlabeled!);
        Assert.NotEqual(rebuilt.Labeled.Weak, nextEpoch.Labeled.Weak);
    }

    [Fact]
    public void Should_Stream_The_Shorter_Last_Batch_When_Drop_Last_Is_False()
    {
        var plan = EpochPlan.Create(Labeled.Count, Unlabeled.Count, Unlabeled.Count, batchSize: 4, seed: 0, epoch: 0, dropLast: false);

        var batches = Producer(workers: 2).Epoch(plan, seed: 0, epoch: 0).ToList();

        Assert.Equal([4, 4, 1], batches.Select(b => b.Labeled.BatchSize));
        Assert.Equal([4, 4, 1], batches.Select(b => b.Unlabeled!.BatchSize));
        Assert.Equal(Length, batches[2].Unlabeled!.Strong[1].Length);
        Assert.Equal(Enumerable.Range(0, Unlabeled.Count), batches.SelectMany(b => b.Unlabeled!.SampleIndices).Order());
    }

    [Fact]
    public void Should_Name_The_Sample_When_A_Labeled_Batch_Meets_A_Sample_Without_Mask()
    {
        var maskless = Unlabeled.Select(s => s with { Label = null }).ToList();
        var producer = new BatchProducer(maskless, null, LabeledRecipe, LabeledRecipe, Length, workers: 2);
        var plan = EpochPlan.Create(maskless.Count, null, null, batchSize: 4, seed: 0, epoch: 0);

        var error = Assert.Throws<InvalidDataException>(() => producer.Epoch(plan, seed: 0, epoch: 0).ToList());

        Assert.Contains(maskless, s => error.Message == $"{s.Name}: a labeled batch needs a mask but the sample has none");
    }

    private static BatchProducer Producer(int workers) => new(Labeled, Unlabeled, LabeledRecipe, UnlabeledRecipe, Length, workers);

    private static ISignalTransform Weak() => TransformFactory.Build(TransformSpecParser.FromYaml(TransformFactoryTests.WeakAugmentationYaml));

    private static void AssertSame(HostBatch expected, HostBatch actual)
    {
        Assert.Equal(expected.SampleIndices, actual.SampleIndices);
        Assert.Equal(expected.Weak, actual.Weak);
        Assert.Equal(expected.Masks, actual.Masks);
        Assert.Equal(expected.Strong.Count, actual.Strong.Count);
        for (int view = 0; view < expected.Strong.Count; view++) Assert.Equal(expected.Strong[view], actual.Strong[view]);
    }

    /// <summary>Single leads of synthetic 10-s records at 250 Hz, with their exact masks.</summary>
    private static List<EcgSample> Samples(int count, long seed) =>
        SyntheticDataset.Generate(count, new SyntheticEcgOptions { SamplingRateHz = 250, LeadCount = 1 }, seed)
            .Select(s => new EcgSample(s.Name, s.SubjectId, Array.ConvertAll(s.Signal, v => (double)v), s.Label))
            .ToList();
}
