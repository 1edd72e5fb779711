using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class RandomApplyTests
{
    [Fact]
    public void Should_Apply_With_The_Given_Probability_And_Otherwise_Return_The_View()
    {
        var apply = new RandomApply(new YFlip(), 0.3);
        var random = new SeededRandom(6);
        var view = new EcgView([1.0]);
        int applied = 0;
        for (int call = 0; call < 4000; call++)
        {
            EcgView result = apply.Apply(view, random);
            if (ReferenceEquals(result, view)) continue;
            Assert.Equal(-1.0, result.Signal[0]);
            applied++;
        }
        Assert.Equal(0.3, applied / 4000.0, 0.03);
        Assert.Throws<TransformArgumentException>(() => new RandomApply(new YFlip(), -0.1));
    }
}
