using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class AmplitudeScalingTests
{
    [Fact]
    public void Should_Scale_Every_Sample_By_Its_Own_Gaussian_Gain()
    {
        // Given a signal of ones
        var op = new AmplitudeScaling(0.5);

        // When scaled once
        double[] gains = op.Apply(new EcgView(Enumerable.Repeat(1.0, 20000).ToArray()), new SeededRandom(3)).Signal;

        // Then the per-sample gains are N(1, 0.25): mean 1, std 0.5, and they differ from sample to sample
        double mean = gains.Average();
        double std = Math.Sqrt(gains.Select(g => (g - mean) * (g - mean)).Average());
        Assert.Equal(1.0, mean, 0.02);
        Assert.Equal(0.5, std, 0.02);
        Assert.True(gains.Distinct().Count() > 19000);
    }

    [Fact]
    public void Should_Set_Sigma_From_Level_And_Reject_Negative_Sigma()
    {
        Assert.Equal(0.35, ((AmplitudeScaling)new AmplitudeScaling(2.0).WithLevel(0.7)).Sigma, 1e-15);
        Assert.Throws<TransformArgumentException>(() => new AmplitudeScaling(-0.1));
    }
}
