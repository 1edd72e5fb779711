using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class RandomPartialSquareNoiseTests
{
    [Fact]
    public void Should_Add_A_Half_Duty_Square_Wave_With_The_Sine_Period()
    {
        // Given a zero signal of 1,000 samples and freq 0.5 (period 500 samples)
        var op = new RandomPartialSquareNoise(amplitude: 3.0, freq: 0.5);

        // When the whole template is added
        double[] result = op.ApplyWindow(new EcgView(new double[1000]), 1000, 0, new SeededRandom(0)).Signal;

        // Then it is +3 on the first half of each period and −3 on the second (scipy square, duty 0.5)
        for (int n = 0; n < 1000; n++) Assert.Equal(n % 500 < 250 ? 3.0 : -3.0, result[n]);
    }
}
