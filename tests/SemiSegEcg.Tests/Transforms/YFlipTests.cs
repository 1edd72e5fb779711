using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class YFlipTests
{
    [Fact]
    public void Should_Negate_Signal_And_Pass_Label_On()
    {
        byte[] label = [1, 2, 3];
        EcgView result = new YFlip().Apply(new EcgView([1.0, -2.0, 3.0], label), new SeededRandom(0));
        Assert.Equal([-1.0, 2.0, -3.0], result.Signal);
        Assert.Same(label, result.Label);
    }
}
