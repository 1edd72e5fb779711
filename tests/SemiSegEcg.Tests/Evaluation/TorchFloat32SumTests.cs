using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Tests.Evaluation;

[Trait(Category.Trait, Category.Unit)]
public sealed class TorchFloat32SumTests
{
    [Fact]
    public void Should_Add_Short_Vectors_Left_To_Right()
    {
        // Given values where float32 order matters: (1e8 + 1) rounds back to 1e8
        float[] values = [1e8f, 1f, -1e8f, 1f];

        // When / Then ((1e8 + 1) − 1e8) + 1 = 1, not 2
        Assert.Equal(1f, TorchFloat32Sum.Sum(values));
    }

    [Fact]
    public void Should_Add_Eight_Lane_Columns_Before_Folding_The_Lanes()
    {
        // Given 16 values: lane 0 holds 1e8 and −1e8, every other lane a 1 in each half
        var values = Enumerable.Repeat(1f, 16).ToArray();
        values[0] = 1e8f;
        values[8] = -1e8f;

        // When / Then lane 0 cancels exactly first (1e8 − 1e8 = 0), leaving 14 ones; a running sum would lose them
        Assert.Equal(14f, TorchFloat32Sum.Sum(values));
    }

    [Fact]
    public void Should_Stay_Accurate_On_Long_Sums_Through_The_Cascade()
    {
        // Given 30,000 × 0.1f, where a float32 running sum drifts by about 0.6
        var values = Enumerable.Repeat(0.1f, 30_000).ToArray();
        float running = 0f;
        foreach (float v in values) running += v;

        // When
        float cascade = TorchFloat32Sum.Sum(values);

        // Then
        Assert.True(Math.Abs(running - 3000.0) > 0.1, $"running sum {running} unexpectedly accurate");
        Assert.Equal(3000.0, cascade, 0.01);
    }
}
