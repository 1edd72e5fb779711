using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Unit)]
public sealed class StandardizerTests
{
    [Fact]
    public void Should_Use_Population_Standard_Deviation()
    {
        // Given [1, 2, 3, 4, 5]: mean 3, population std √2
        double[] x = [1, 2, 3, 4, 5];

        Standardizer.Standardize(x);

        double s = Math.Sqrt(2);
        Assert.Equal([-2 / s, -1 / s, 0, 1 / s, 2 / s], x);
    }

    [Fact]
    public void Should_Give_Zeros_When_Signal_Is_Constant()
    {
        double[] x = Enumerable.Repeat(0.1, 2500).ToArray();

        Standardizer.Standardize(x);

        Assert.All(x, v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void Should_Reject_NaN()
    {
        double[] x = [1, double.NaN, 3];

        var error = Assert.Throws<ArgumentException>(() => Standardizer.Standardize(x));

        Assert.Contains("NaN", error.Message);
    }
}
