using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class RandomPartialWhiteNoiseTests
{
    [Fact]
    public void Should_Add_Unit_Variance_Noise_Only_Inside_One_Window_Shorter_Than_Ratio_Times_Length()
    {
        // Given a zero signal of 4,000 samples and the configured op with amplitude 2
        var op = new RandomPartialWhiteNoise(amplitude: 2.0, ratio: 0.5);
        var random = new SeededRandom(11);
        double sumSquares = 0;
        long noisy = 0;

        for (int call = 0; call < 100; call++)
        {
            // When applied
            double[] result = op.Apply(new EcgView(new double[4000]), random).Signal;

            // Then the non-zero samples form one window of fewer than 2,000 samples
            int start = Array.FindIndex(result, v => v != 0);
            if (start < 0) continue;
            int end = Array.FindLastIndex(result, v => v != 0) + 1;
            Assert.True(end - start < 2000);
            for (int i = start; i < end; i++) sumSquares += result[i] * result[i];
            noisy += end - start;
        }

        // And the noise there has variance amplitude² = 4
        Assert.Equal(4.0, sumSquares / noisy, 0.1);
    }

    [Fact]
    public void Should_Reject_Ratio_Outside_Unit_Interval_And_Windows_That_Do_Not_Fit()
    {
        Assert.Throws<TransformArgumentException>(() => new RandomPartialWhiteNoise(ratio: 1.5));
        Assert.Throws<TransformArgumentException>(() => new RandomPartialWhiteNoise(amplitude: -1));
        var op = new RandomPartialWhiteNoise();
        Assert.Throws<ArgumentOutOfRangeException>(() => op.ApplyWindow(new EcgView(new double[10]), 5, 6, new SeededRandom(0)));
    }
}
