using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class SineNoiseTests
{
    [Fact]
    public void Should_Add_Full_Length_Sine_With_Period_Freq_Times_Length()
    {
        // Given a zero signal and freq 0.25 (period T/4)
        var op = new SineNoise(amplitude: 0.5, freq: 0.25);

        // When applied
        double[] result = op.Apply(new EcgView(new double[400]), new SeededRandom(0)).Signal;

        // Then it is 0.5·sin(2π·n/100)
        for (int n = 0; n < 400; n++) Assert.Equal(0.5 * Math.Sin(2 * Math.PI * n / 100.0), result[n], 1e-12);
    }

    [Fact]
    public void Should_Set_Amplitude_And_Period_From_Level()
    {
        var leveled = (SineNoise)new SineNoise(amplitude: 3, freq: 9).WithLevel(0.5);
        Assert.Equal(0.5, leveled.Amplitude);
        Assert.Equal(1.0, leveled.Freq);
    }
}
