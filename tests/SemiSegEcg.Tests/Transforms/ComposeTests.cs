using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class ComposeTests
{
    [Fact]
    public void Should_Apply_In_Order_And_Report_Label_Change_Of_Any_Member()
    {
        var compose = new Compose([new CenterCrop(2), new XFlip()]);
        EcgView result = compose.Apply(new EcgView([1.0, 2.0, 3.0, 4.0], [0, 1, 2, 3]), new SeededRandom(0));
        Assert.Equal([3.0, 2.0], result.Signal);
        Assert.Equal([2, 1], result.Label!.Select(v => (int)v));
        Assert.True(compose.ChangesLabel);
        Assert.False(new Compose([new YFlip(), new Standardize()]).ChangesLabel);
    }
}
