using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class EcgViewTests
{
    [Fact]
    public void Should_Reject_Empty_Signal_And_Label_Of_Other_Length()
    {
        Assert.Throws<ArgumentException>(() => new EcgView([]));
        var error = Assert.Throws<ArgumentException>(() => new EcgView([1.0, 2.0], [0]));
        Assert.Contains("label has 1 samples but the signal has 2", error.Message);
    }

    [Fact]
    public void Should_Keep_The_Label_Array_When_Replacing_The_Signal()
    {
        byte[] label = [1, 2];
        var view = new EcgView([1.0, 2.0], label);
        Assert.Same(label, view.WithSignal([3.0, 4.0]).Label);
    }
}
