using SemiSegEcg.Training;

namespace SemiSegEcg.Tests.Training;

[Trait(Category.Trait, Category.Unit)]
public sealed class EarlyStoppingTests
{
    [Theory]
    [InlineData(3, 3, 1, false)] // two epochs since the best
    [InlineData(3, 4, 1, true)]  // three epochs since the best: stop after epoch 5 (1-based)
    [InlineData(3, 9, 9, false)] // the best is this epoch
    [InlineData(1, 1, 0, true)]
    [InlineData(1, 0, -1, false)] // no best yet (no epoch validated)
    public void Should_Stop_Once_Patience_Epochs_Passed_Without_A_Better_MeanIoU(int patience, int epoch, int bestEpoch, bool due)
    {
        Assert.Equal(due, new EarlyStopping(patience).IsDue(epoch, bestEpoch));
    }

    [Fact]
    public void Should_Never_Stop_Without_A_Patience()
    {
        Assert.False(new EarlyStopping(null).IsDue(99, 0));
    }

    [Fact]
    public void Should_Describe_The_Stop_With_One_Based_Epochs_And_The_Key()
    {
        Assert.Equal("stopped early after epoch 9: no better valid MeanIoU since epoch 4 (train.early_stop_patience 5)",
            new EarlyStopping(5).Describe(8, 3));
    }
}
