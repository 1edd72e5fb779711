using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class CenterCropTests
{
    [Fact]
    public void Should_Cut_The_Middle_Rounding_The_Start_Down()
    {
        var view = new EcgView(Enumerable.Range(0, 10).Select(n => (double)n).ToArray(), new byte[10]);
        EcgView result = new CenterCrop(5).Apply(view, new SeededRandom(0));
        Assert.Equal([2.0, 3, 4, 5, 6], result.Signal);
        Assert.Equal(5, result.Label!.Length);
    }
}
