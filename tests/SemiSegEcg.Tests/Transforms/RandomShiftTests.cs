using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class RandomShiftTests
{
    [Fact]
    public void Should_Shift_Signal_And_Label_Together_On_A_Real_Lead()
    {
        // Given the real LUDB lead and mask
        double[] signal = TransformFixtures.StandardizedSignal();
        byte[] mask = TransformFixtures.Mask();
        var shift = new RandomShift(0.3);
        var random = new SeededRandom(4);
        int left = 0, right = 0;

        for (int call = 0; call < 200; call++)
        {
            // When shifted
            EcgView result = shift.Apply(new EcgView(signal, mask), random);

            // Then there is one offset k with out[i] = in[i − k] for signal and label alike, zero/background elsewhere
            int k = FindOffset(signal, result.Signal);
            Assert.True(Math.Abs(k) < 750);
            if (k < 0) left++;
            if (k > 0) right++;
            for (int i = 0; i < signal.Length; i++)
            {
                int source = i - k;
                bool valid = source >= 0 && source < signal.Length;
                Assert.Equal(valid ? signal[source] : 0.0, result.Signal[i]);
                Assert.Equal(valid ? mask[source] : (byte)0, result.Label![i]);
            }
        }

        // And both directions occur
        Assert.InRange(left, 70, 130);
        Assert.InRange(right, 70, 130);
    }

    [Fact]
    public void Should_Fill_Vacated_Label_With_Configured_Value()
    {
        EcgView result = new RandomShift(labelFillValue: 255).ApplyShift(new EcgView([1, 2, 3, 4], [1, 2, 3, 3]), -1);
        Assert.Equal([2.0, 3, 4, 0], result.Signal);
        Assert.Equal([2, 3, 3, 255], result.Label!.Select(v => (int)v));
    }

    private static int FindOffset(double[] input, double[] output)
    {
        for (int k = -input.Length + 1; k < input.Length; k++)
        {
            int i = Math.Max(k, 0);
            if (i < output.Length && i - k < input.Length && output[i] == input[i - k] && output[Math.Min(i + 5, output.Length - 1)] == input[Math.Min(i + 5, output.Length - 1) - k])
                return k;
        }
        throw new InvalidOperationException("no offset found");
    }
}
