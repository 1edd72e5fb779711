using SemiSegEcg.Algorithms.Shared;

namespace SemiSegEcg.Tests.Algorithms;

[Trait(Category.Trait, Category.Unit)]
public sealed class ReliabilityRankingTests
{
    // Three samples of 4 positions; the final checkpoint predicts classes 0..3 once each.
    private static readonly long[][] Final = [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]];

    [Fact]
    public void Should_Score_Each_Sample_By_Mean_IoU_Agreement_With_The_Final_Checkpoint()
    {
        long[][] first = [[0, 1, 2, 3], [0, 0, 2, 3], [1, 1, 1, 1]];
        long[][] second = [[0, 1, 2, 3], [0, 1, 2, 3], [0, 1, 2, 3]];

        double[] scores = ReliabilityRanking.Scores([first, second], Final);

        // Sample 0 agrees everywhere: 1. Sample 1, first checkpoint: IoU bg 1/2, P 0, QRS 1, T 1 → 0.625; mean with 1 → 0.8125.
        // Sample 2, first checkpoint: only P overlaps (1/4) → 0.0625; mean with 1 → 0.53125.
        Assert.Equal(1.0, scores[0], 6);
        Assert.Equal(0.8125, scores[1], 6);
        Assert.Equal(0.53125, scores[2], 6);
    }

    [Fact]
    public void Should_Keep_The_Most_Reliable_Half_Most_Reliable_First()
    {
        double[] scores = [0.2, 0.9, 0.5, 0.9, 0.1];

        Assert.Equal(new[] { 1, 3 }, ReliabilityRanking.SelectReliable(scores));
    }

    [Fact]
    public void Should_Reproduce_The_Original_Bug_Only_When_Asked()
    {
        double[] scores = [0.2, 0.9, 0.5, 0.9, 0.1, 0.3];

        Assert.Equal(new[] { 1, 1, 1 }, ReliabilityRanking.SelectReliable(scores, referenceCompatible: true));
        Assert.Equal(new[] { 1, 3, 2 }, ReliabilityRanking.SelectReliable(scores));
    }

    [Fact]
    public void Should_Refuse_A_Single_Unlabeled_Sample()
    {
        Assert.Throws<ArgumentException>(() => ReliabilityRanking.SelectReliable([0.5]));
    }
}
