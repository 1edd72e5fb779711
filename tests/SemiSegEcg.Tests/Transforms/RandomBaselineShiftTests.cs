using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Unit)]
public sealed class RandomBaselineShiftTests
{
    [Fact]
    public void Should_Add_One_Constant_Offset_Of_Median_Times_Scale_On_A_Window()
    {
        // Given a signal whose median is 2
        double[] signal = Enumerable.Range(0, 1001).Select(n => 2.0 + Math.Sin(n * 0.37)).ToArray();
        double median = MedianOfOddLength(signal);
        var shift = new RandomBaselineShift(ratio: 0.5, scale: 3.0);
        var random = new SeededRandom(21);
        int negative = 0, positive = 0;

        for (int call = 0; call < 200; call++)
        {
            // When shifted
            double[] difference = shift.Apply(new EcgView(signal), random).Signal.Select((v, i) => v - signal[i]).ToArray();

            // Then the change is one constant c with |c| ≤ 3·median on a window shorter than half the signal
            int start = Array.FindIndex(difference, d => Math.Abs(d) > 1e-12);
            if (start < 0) continue;
            int end = Array.FindLastIndex(difference, d => Math.Abs(d) > 1e-12) + 1;
            double offset = difference[start];
            Assert.True(end - start < 500);
            Assert.True(Math.Abs(offset) <= 3 * median);
            for (int i = start; i < end; i++) Assert.Equal(offset, difference[i], 1e-12);
            if (offset < 0) negative++; else positive++;
        }

        // And both signs occur
        Assert.InRange(negative, 60, 140);
        Assert.InRange(positive, 60, 140);
    }

    private static double MedianOfOddLength(double[] x) => x.Order().ElementAt(x.Length / 2);
}
