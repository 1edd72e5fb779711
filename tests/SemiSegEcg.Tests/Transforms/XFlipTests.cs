using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class XFlipTests
{
    [Fact]
    public void Should_Reverse_Signal_And_Label_Without_Touching_The_Input()
    {
        // Given the real LUDB lead and mask
        double[] signal = TransformFixtures.StandardizedSignal();
        byte[] mask = TransformFixtures.Mask();

        // When flipped in time
        EcgView result = new XFlip().Apply(new EcgView(signal, mask), new SeededRandom(0));

        // Then both are reversed and the inputs are unchanged
        Assert.Equal(signal.Reverse(), result.Signal);
        Assert.Equal(mask.Reverse(), result.Label!);
        Assert.Equal(TransformFixtures.StandardizedSignal(), signal);
        Assert.Equal(TransformFixtures.Mask(), mask);
    }
}
