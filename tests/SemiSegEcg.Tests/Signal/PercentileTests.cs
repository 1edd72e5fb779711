using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Parity)]
public sealed class PercentileTests
{
    [Theory]
    [InlineData(50, 2.5)]
    [InlineData(0, 1.0)]
    [InlineData(100, 4.0)]
    [InlineData(25, 1.75)]
    public void Should_Interpolate_Linearly_Between_Sorted_Values(double q, double expected)
    {
        Assert.Equal(expected, Percentile.Linear([4.0, 1.0, 3.0, 2.0], q));
    }

    [Fact]
    public void Should_Match_Reference_Powerline_Amplitude_Percentiles()
    {
        // Given the standardized reference lead and numpy's percentiles of it
        double[] x = SignalFixtures.Float64(SignalFixtures.Preprocessing("ludb_1_ii_standardized.npy"));
        var powerline = SignalFixtures.Json(SignalFixtures.Augmentation("augmentation_deterministic.json")).GetProperty("adaptive_powerline");

        // When computed here
        double p95 = Percentile.Linear(x, 95);
        double p05 = Percentile.Linear(x, 5);

        // Then they agree to 1e-12, and so does A = (p95 − p5)/2
        Assert.Equal(powerline.GetProperty("p95").GetDouble(), p95, 1e-12);
        Assert.Equal(powerline.GetProperty("p05").GetDouble(), p05, 1e-12);
        Assert.Equal(0.9292543649673459, (p95 - p05) / 2, 1e-12);
    }

    [Fact]
    public void Should_Reject_Empty_Input_And_Out_Of_Range_Percentile()
    {
        Assert.Throws<ArgumentException>(() => Percentile.Linear([], 50));
        Assert.Throws<ArgumentOutOfRangeException>(() => Percentile.Linear([1.0], 101));
    }
}
