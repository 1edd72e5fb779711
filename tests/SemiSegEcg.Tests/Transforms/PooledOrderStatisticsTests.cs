using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class PooledOrderStatisticsTests
{
    [Fact]
    public void Should_Equal_Numpy_Percentile_Port_Bit_For_Bit_On_Real_And_Random_Signals()
    {
        var random = new SeededRandom(1);
        var signals = new List<double[]> { TransformFixtures.StandardizedSignal(), TransformFixtures.MillivoltSignal() };
        for (int n = 1; n < 40; n += 3) signals.Add(Enumerable.Range(0, n).Select(_ => random.NextGaussian()).ToArray());

        foreach (double[] x in signals)
        {
            (double p05, double p95) = PooledOrderStatistics.Percentiles(x, 5, 95);
            Assert.Equal(Percentile.Linear(x, 5), p05);
            Assert.Equal(Percentile.Linear(x, 95), p95);
        }
    }

    [Fact]
    public void Should_Take_Middle_Or_Mean_Of_Two_Middles_As_Median()
    {
        Assert.Equal(2.0, PooledOrderStatistics.Median([3.0, 1.0, 2.0]));
        Assert.Equal(2.5, PooledOrderStatistics.Median([4.0, 1.0, 3.0, 2.0]));
        Assert.Throws<ArgumentException>(() => PooledOrderStatistics.Median([1.0, double.NaN]));
    }
}
