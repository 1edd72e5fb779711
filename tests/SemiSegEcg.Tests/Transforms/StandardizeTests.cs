using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class StandardizeTests
{
    [Theory]
    [InlineData("ludb_1_ii")]
    [InlineData("ludb_2_v1")]
    public void Should_Match_Reference_Standardized_Lead(string tag)
    {
        double[] filtered = TransformFixtures.Float64(TransformFixtures.Reference("preprocessing", $"{tag}_lowpassed.npy"));
        double[] expected = TransformFixtures.Float64(TransformFixtures.Reference("preprocessing", $"{tag}_standardized.npy"));

        double[] result = new Standardize().Apply(new EcgView(filtered), new SeededRandom(0)).Signal;

        // float32 storage of the filtered input and of the output bound the error
        Assert.True(TransformFixtures.MaxAbsDifference(result, expected) < 1e-5);
    }

    [Theory]
    [InlineData(new long[] { -1, -2 }, true)]
    [InlineData(new long[] { -2, -1 }, true)]
    [InlineData(new long[] { -1 }, true)]
    [InlineData(new long[] { 0, 1 }, true)]
    [InlineData(new long[] { -2 }, false)]
    [InlineData(new long[] { -1, -1 }, false)]
    [InlineData(new long[] { -3 }, false)]
    public void Should_Accept_Only_Axes_Meaning_The_Whole_Lead(long[] axes, bool supported)
    {
        Assert.Equal(supported, Standardize.IsSupportedAxis(axes));
    }

    [Fact]
    public void Should_Return_Zeros_For_A_Constant_Signal()
    {
        Assert.Equal(new double[5], new Standardize().Apply(new EcgView([0.1, 0.1, 0.1, 0.1, 0.1]), new SeededRandom(0)).Signal);
    }
}
