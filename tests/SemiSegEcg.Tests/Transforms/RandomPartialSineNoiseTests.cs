using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class RandomPartialSineNoiseTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Use_Reference_Full_Length_Template()
    {
        // Given the reference lead and the stored full-length sine template (freq 0.5: a 1250-sample period)
        double[] signal = TransformFixtures.StandardizedSignal();
        double[] template = TransformFixtures.Float64(TransformFixtures.Reference("augmentation_deterministic", "partial_sine_template.npy"));
        var op = new RandomPartialSineNoise(1.0, 0.5, 0.5);

        // When the whole template is added (window of T samples at 0)
        double[] added = Subtract(op.ApplyWindow(new EcgView(signal), 2500, 0, new SeededRandom(0)).Signal, signal);

        // Then it equals the reference template
        double error = TransformFixtures.MaxAbsDifference(added, template);
        output.WriteLine($"partial sine template: max |Δ| = {error:E2}");
        Assert.True(error < 1e-5, $"max abs error {error}");
    }

    [Fact]
    public void Should_Add_The_Template_Start_Only_Inside_A_Random_Window()
    {
        // Given a zero signal, the reference template and the configured op
        double[] template = TransformFixtures.Float64(TransformFixtures.Reference("augmentation_deterministic", "partial_sine_template.npy"));
        var op = new RandomPartialSineNoise(1.0, 0.5, 0.5);
        var random = new SeededRandom(5);
        int windows = 0;

        for (int call = 0; call < 200; call++)
        {
            // When applied
            double[] added = op.Apply(new EcgView(new double[2500]), random).Signal;

            // Then the change is template[0..count) placed at [start, start + count) with count < T/2, zero elsewhere
            // (template[0] = sin 0 = 0, so the first non-zero sample is start + 1)
            int first = Array.FindIndex(added, v => v != 0);
            if (first < 0) continue;
            int start = first - 1;
            int end = Array.FindLastIndex(added, v => v != 0) + 1;
            Assert.True(end - start < 1250, $"window of {end - start} samples exceeds ratio·T");
            for (int i = start; i < end; i++) Assert.Equal(template[i - start], added[i], 1e-6);
            windows++;
        }
        Assert.True(windows > 190);
    }

    private static double[] Subtract(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();
}
