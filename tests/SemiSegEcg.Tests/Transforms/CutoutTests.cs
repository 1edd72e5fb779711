using SemiSegEcg.Data;
using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class CutoutTests
{
    [Fact]
    public void Should_Zero_Signal_And_Background_Label_In_The_Same_Window_On_A_Real_Lead()
    {
        // Given the real LUDB lead (no exact zeros) and its mask
        double[] signal = TransformFixtures.StandardizedSignal();
        byte[] mask = TransformFixtures.Mask();
        Assert.DoesNotContain(0.0, signal);
        var cutout = new Cutout(0.3);
        var random = new SeededRandom(8);

        for (int call = 0; call < 100; call++)
        {
            // When cut out
            EcgView result = cutout.Apply(new EcgView(signal, mask), random);

            // Then the zeroed samples form one window shorter than 0.3·T, the label is background exactly there,
            // and everything outside is unchanged
            int start = Array.IndexOf(result.Signal, 0.0);
            if (start < 0) continue;
            int end = Array.LastIndexOf(result.Signal, 0.0) + 1;
            Assert.True(end - start < 750);
            for (int i = 0; i < signal.Length; i++)
            {
                bool inside = i >= start && i < end;
                Assert.Equal(inside ? 0.0 : signal[i], result.Signal[i]);
                Assert.Equal(inside ? WaveLabels.Background : mask[i], result.Label![i]);
            }
        }
        Assert.Equal(TransformFixtures.Mask(), mask);
    }

    [Fact]
    public void Should_Fill_Label_With_Configured_Value()
    {
        var cutout = new Cutout(labelFillValue: WaveLabels.Ignore);
        EcgView result = cutout.ApplyWindow(new EcgView([1, 2, 3, 4], [1, 1, 2, 2]), 2, 1);
        Assert.Equal([1.0, 0, 0, 4], result.Signal);
        Assert.Equal([1, 255, 255, 2], result.Label!.Select(v => (int)v));
    }
}
