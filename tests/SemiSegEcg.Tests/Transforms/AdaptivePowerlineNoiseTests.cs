using MathNet.Numerics.IntegralTransforms;
using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class AdaptivePowerlineNoiseTests(ITestOutputHelper output)
{
    private const double ReferenceAmplitude = 0.9292543649673459;

    [Theory]
    [InlineData(50)]
    [InlineData(60)]
    public void Should_Add_Reference_Template_When_Frequency_Is_Fixed(int frequencyHz)
    {
        // Given the reference lead and the stored noise template of this frequency
        double[] signal = TransformFixtures.StandardizedSignal();
        double[] template = TransformFixtures.Float64(TransformFixtures.Reference("augmentation_deterministic", $"powerline_noise_{frequencyHz}hz.npy"));
        var op = new AdaptivePowerlineNoise(fs: 250);

        // When the op adds noise at that frequency
        double[] added = Subtract(op.ApplyAtFrequency(new EcgView(signal), frequencyHz).Signal, signal);

        // Then the added noise is the template (float32 rounding) and its amplitude the reference's
        double error = TransformFixtures.MaxAbsDifference(added, template);
        output.WriteLine($"{frequencyHz} Hz: max |Δ| = {error:E2}");
        Assert.True(error < 1e-5, $"max abs error {error}");
        Assert.Equal(ReferenceAmplitude, AdaptivePowerlineNoise.NoiseAmplitude(signal), 1e-12);
    }

    [Fact]
    public void Should_Add_Exactly_A_50_Or_60_Hz_Sine_Of_The_Adaptive_Amplitude_On_Real_Leads()
    {
        // Given real LUDB leads (z-scored and mV) and the op at 250 Hz
        var op = new AdaptivePowerlineNoise(fs: 250);
        var random = new SeededRandom(99);
        var seen = new Dictionary<int, int> { [500] = 0, [600] = 0 };

        foreach (double[] signal in new[] { TransformFixtures.StandardizedSignal(), TransformFixtures.MillivoltSignal() })
        {
            double amplitude = AdaptivePowerlineNoise.NoiseAmplitude(signal);
            for (int call = 0; call < 40; call++)
            {
                // When applied
                double[] residual = Subtract(op.Apply(new EcgView(signal), random).Signal, signal);

                // Then the residual's spectrum has one peak, at bin 500 (50 Hz) or 600 (60 Hz) of 2500 samples at 250 Hz,
                // and the residual equals A·sin(2π·f·n/250) with A = (p95 − p5)/2
                var spectrum = residual.Select(v => new System.Numerics.Complex(v, 0)).ToArray();
                Fourier.Forward(spectrum, FourierOptions.Matlab);
                int peak = Enumerable.Range(0, 1251).MaxBy(k => spectrum[k].Magnitude);
                Assert.Contains(peak, seen.Keys);
                seen[peak]++;
                double frequencyHz = peak / 10.0;
                double[] expected = Enumerable.Range(0, 2500).Select(n => amplitude * Math.Sin(2 * Math.PI * frequencyHz * n / 250)).ToArray();
                Assert.True(TransformFixtures.MaxAbsDifference(residual, expected) < 1e-12);
                double offPeak = Enumerable.Range(0, 1251).Where(k => k != peak).Max(k => spectrum[k].Magnitude);
                Assert.True(offPeak < 1e-9 * spectrum[peak].Magnitude, $"energy outside the peak bin: {offPeak}");
            }
        }

        // And both frequencies occur about equally often
        output.WriteLine($"50 Hz: {seen[500]}, 60 Hz: {seen[600]}");
        Assert.InRange(seen[500], 25, 55);
    }

    [Fact]
    public void Should_Leave_Label_And_Input_Untouched()
    {
        double[] signal = Enumerable.Range(0, 300).Select(n => Math.Sin(n * 0.1)).ToArray();
        double[] copy = (double[])signal.Clone();
        byte[] label = new byte[300];
        var view = new EcgView(signal, label);

        EcgView result = new AdaptivePowerlineNoise(250).Apply(view, new SeededRandom(1));

        Assert.Same(label, result.Label);
        Assert.Equal(copy, signal);
    }

    private static double[] Subtract(double[] a, double[] b) => a.Select((v, i) => v - b[i]).ToArray();
}
