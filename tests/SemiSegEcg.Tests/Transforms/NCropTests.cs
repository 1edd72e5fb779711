using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class NCropTests
{
    [Fact]
    public void Should_Spread_Windows_From_Start_To_End()
    {
        var view = new EcgView(Enumerable.Range(0, 10).Select(n => (double)n).ToArray());

        IReadOnlyList<EcgView> windows = new NCrop(4, 3).Windows(view);

        Assert.Equal([0.0, 3, 6], windows.Select(w => w.Signal[0]));
        Assert.Equal([0.0, 1, 2, 3], new NCrop(4, 1).Apply(view, new SeededRandom(0)).Signal);
        Assert.Throws<NotSupportedException>(() => new NCrop(4, 2).Apply(view, new SeededRandom(0)));
    }
}
