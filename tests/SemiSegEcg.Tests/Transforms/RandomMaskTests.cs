using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class RandomMaskTests
{
    [Fact]
    public void Should_Zero_Fewer_Than_Ratio_Times_Length_Distinct_Samples_Uniformly()
    {
        // Given a signal of ones
        double[] ones = Enumerable.Repeat(1.0, 1000).ToArray();
        var drop = new RandomMask(0.3);
        var random = new SeededRandom(13);
        var hits = new int[1000];
        long total = 0;

        for (int call = 0; call < 400; call++)
        {
            // When masked
            double[] result = drop.Apply(new EcgView(ones), random).Signal;

            // Then only zeros and ones remain, and fewer than int(0.3·T) = 300 zeros
            int zeros = result.Count(v => v == 0);
            Assert.True(zeros < 300);
            Assert.All(result, v => Assert.True(v is 0.0 or 1.0));
            for (int i = 0; i < 1000; i++) if (result[i] == 0) hits[i]++;
            total += zeros;
        }

        // And the count is uniform on [0, 300) (mean ≈ 149.5) and every position is hit about equally
        Assert.Equal(149.5, total / 400.0, 15.0);
        Assert.True(hits.Min() > 20 && hits.Max() < 110, $"hits per position from {hits.Min()} to {hits.Max()}");
    }

    [Fact]
    public void Should_Do_Nothing_When_Ratio_Leaves_No_Sample()
    {
        double[] result = new RandomMask(0.1).Apply(new EcgView([1.0, 2.0]), new SeededRandom(0)).Signal;
        Assert.Equal([1.0, 2.0], result);
    }
}
