using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class RandomCropTests
{
    [Fact]
    public void Should_Cut_Aligned_Windows_At_Every_Possible_Start()
    {
        // Given samples equal to their index and labels equal to index mod 4
        var view = new EcgView(Enumerable.Range(0, 10).Select(n => (double)n).ToArray(), Enumerable.Range(0, 10).Select(n => (byte)(n % 4)).ToArray());
        var crop = new RandomCrop(7);
        var random = new SeededRandom(2);
        var starts = new HashSet<int>();

        for (int call = 0; call < 200; call++)
        {
            EcgView result = crop.Apply(view, random);
            int start = (int)result.Signal[0];
            starts.Add(start);
            Assert.Equal(Enumerable.Range(start, 7).Select(n => (double)n), result.Signal);
            Assert.Equal(Enumerable.Range(start, 7).Select(n => (byte)(n % 4)), result.Label!);
        }

        // Then every start in [0, T − L] occurs
        Assert.Equal([0, 1, 2, 3], starts.Order());
    }

    [Fact]
    public void Should_Reject_Crop_Longer_Than_Signal()
    {
        var error = Assert.Throws<ArgumentException>(() => new RandomCrop(20).Apply(new EcgView(new double[10]), new SeededRandom(0)));
        Assert.Contains("crop_length 20 exceeds the signal length 10", error.Message);
    }
}
