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
}
