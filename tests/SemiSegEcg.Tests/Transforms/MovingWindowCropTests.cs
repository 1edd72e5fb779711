using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class MovingWindowCropTests
{
    [Fact]
    public void Should_Return_Every_Fitting_Window_And_Refuse_Several_In_A_Single_View_Pipeline()
    {
        var view = new EcgView(Enumerable.Range(0, 10).Select(n => (double)n).ToArray());
        var crop = new MovingWindowCrop(4, 3);

        IReadOnlyList<EcgView> windows = crop.Windows(view);

        Assert.Equal([0.0, 3, 6], windows.Select(w => w.Signal[0]));
        Assert.All(windows, w => Assert.Equal(4, w.LengthSamples));
        var error = Assert.Throws<NotSupportedException>(() => crop.Apply(view, new SeededRandom(0)));
        Assert.Contains("3 windows", error.Message);
        Assert.Equal([0.0, 1, 2, 3, 4, 5], new MovingWindowCrop(6, 5).Apply(view, new SeededRandom(0)).Signal);
    }
}
