using SemiSegEcg.Training.Pipeline;

namespace SemiSegEcg.Tests.Training.Pipeline;

[Trait(Category.Trait, Category.Unit)]
public sealed class EpochPlanTests
{
    [Fact]
    public void Should_Drop_The_Last_Partial_Batch_By_Default_As_The_Original()
    {
        var plan = EpochPlan.Create(labeledCount: 16, unlabeledCount: 32, oversampleTo: 32, batchSize: 12, seed: 0, epoch: 0);

        Assert.Equal(2, plan.Steps);
        Assert.Equal(12, plan.LabeledBatch(1).Length);
        Assert.Equal(12, plan.UnlabeledBatch(1).Length);
    }

    [Fact]
    public void Should_Keep_The_Last_Partial_Batch_As_One_More_Step_When_Drop_Last_Is_False()
    {
        var dropped = EpochPlan.Create(16, 32, 32, 12, seed: 0, epoch: 3);
        var kept = EpochPlan.Create(16, 32, 32, 12, seed: 0, epoch: 3, dropLast: false);

        Assert.Equal(dropped.Steps + 1, kept.Steps);
        Assert.Equal(8, kept.LabeledBatch(2).Length);
        Assert.Equal(8, kept.UnlabeledBatch(2).Length);
        Assert.Equal(dropped.LabeledOrder, kept.LabeledOrder);
        Assert.Equal(dropped.UnlabeledOrder, kept.UnlabeledOrder);
        // Every unlabeled sample is seen once per epoch, the remainder included.
        Assert.Equal(Enumerable.Range(0, 32), Enumerable.Range(0, kept.Steps).SelectMany(s => kept.UnlabeledBatch(s).ToArray()).Order());
    }

    [Fact]
    public void Should_Train_A_Labeled_Set_Smaller_Than_One_Batch_Only_Without_Drop_Last()
    {
        var error = Assert.Throws<ArgumentException>(() => EpochPlan.Create(5, null, null, 16, seed: 0, epoch: 0));
        var kept = EpochPlan.Create(5, null, null, 16, seed: 0, epoch: 0, dropLast: false);

        Assert.Contains("dataloader.drop_last: false keeps it", error.Message);
        Assert.Equal(1, kept.Steps);
        Assert.Equal(5, kept.LabeledBatch(0).Length);
    }

    [Fact]
    public void Should_Oversample_The_Labeled_Set_To_The_Unlabeled_Length_With_Counts_Differing_By_At_Most_One()
    {
        // 5 labeled samples repeated to 23 entries: 23 = 4 × 5 + 3, so three samples appear 5 times and two 4 times.
        var plan = EpochPlan.Create(labeledCount: 5, unlabeledCount: 23, oversampleTo: 23, batchSize: 4, seed: 3, epoch: 1);
        var stepMatched = EpochPlan.Create(labeledCount: 5, unlabeledCount: null, oversampleTo: 23, batchSize: 4, seed: 3, epoch: 1);
        var kept = EpochPlan.Create(5, 23, 23, 4, seed: 3, epoch: 1, dropLast: false);

        Assert.Equal(23, plan.LabeledOrder.Length);
        Assert.Equal([4, 4, 5, 5, 5], plan.LabeledOrder.CountBy(i => i).Select(c => c.Value).Order());
        Assert.Equal(Enumerable.Range(0, 5), plan.LabeledOrder.Distinct().Order());
        Assert.Equal(Enumerable.Range(0, 23), plan.UnlabeledOrder!.Order());
        Assert.Equal(5, plan.Steps);         // floor(23 / 4)
        Assert.Equal(5, stepMatched.Steps);  // the supervised step-matched baseline takes as many steps
        Assert.Null(stepMatched.UnlabeledOrder);
        Assert.Equal(6, kept.Steps);         // ceil(23 / 4)
        Assert.Equal(3, kept.LabeledBatch(5).Length);
        Assert.NotEqual(plan.LabeledOrder, EpochPlan.Create(5, 23, 23, 4, seed: 3, epoch: 2).LabeledOrder);
        Assert.Equal(plan.LabeledOrder, EpochPlan.Create(5, 23, 23, 4, seed: 3, epoch: 1).LabeledOrder);
    }
}
