using SemiSegEcg.Delineation;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Delineation;

[Trait(Category.Trait, Category.Unit)]
public sealed class FastQuantileTests
{
    [Theory]
    [InlineData(1, 0.5)]
    [InlineData(2, 0.5)]
    [InlineData(5000, 0.5)]
    [InlineData(5001, 0.005)]
    [InlineData(4999, 0.995)]
    [InlineData(300, 0)]
    [InlineData(300, 1)]
    public void Should_Agree_With_Numpy_Percentiles_When_Values_Are_Random(int count, double q)
    {
        var rng = new Random(count);
        // Rounded values so ties occur, as in quantized signals.
        var x = Enumerable.Range(0, count).Select(_ => Math.Round(rng.NextDouble() * 50) / 10).ToArray();

        double fast = FastQuantile.Of(x, q);

        Assert.Equal(Percentile.Linear(x, q * 100), fast, 12);
    }

    [Fact]
    public void Should_Return_The_Value_Without_Slowing_Down_When_The_Signal_Is_Flat()
    {
        var flat = new double[1_000_000];

        Assert.Equal(0, FastQuantile.Of(flat, 0.5));
        Assert.Equal(0, FastQuantile.Of(flat, 0.995));
    }
}
