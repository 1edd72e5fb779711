using SemiSegEcg.Signal;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Parity)]
public sealed class EcgPreprocessorTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Match_Reference_At_Every_Stage_For_Both_Ludb_Cases()
    {
        var preprocessor = new EcgPreprocessor();
        foreach (string tag in SignalFixtures.Cases)
        {
            // Given the float32 500-Hz lead (as float64) and its mask
            double[] signal = SignalFixtures.Float64(SignalFixtures.Preprocessing($"{tag}_signal_500hz.npy"));
            long[] mask = SignalFixtures.Int64(SignalFixtures.Preprocessing($"{tag}_mask_500hz.npy"));

            // When each stage runs in the loader's order
            double[] resampled = FourierResampler.Resample(signal, 2500);
            double[] highpassed = SosFilter.FiltFilt(preprocessor.HighpassSos, resampled);
            double[] lowpassed = SosFilter.FiltFilt(preprocessor.LowpassSos, highpassed);
            double[] filtered = preprocessor.ResampleAndFilter(signal);
            float[] standardized = preprocessor.Standardize(filtered);
            PreprocessedEcg processed = preprocessor.Process(signal, mask);

            // Then each stage matches the reference to float32 rounding, and the mask exactly
            AssertStage(tag, "resampled_2500", resampled, 1e-6);
            AssertStage(tag, "highpassed", highpassed, 1e-6);
            AssertStage(tag, "lowpassed", lowpassed, 1e-6);
            AssertStage(tag, "lowpassed", filtered, 1e-6);
            AssertStage(tag, "standardized", Array.ConvertAll(standardized, v => (double)v), 1e-5);
            AssertStage(tag, "standardized", Array.ConvertAll(processed.Signal, v => (double)v), 1e-5);
            Assert.Equal(SignalFixtures.Int64(SignalFixtures.Preprocessing($"{tag}_mask_2500.npy")), processed.Labels);
        }
    }

    [Fact]
    public void Should_Skip_Resampling_When_Length_Already_Matches()
    {
        // Given a 2500-sample signal and labels
        var rng = new Random(2);
        double[] x = Enumerable.Range(0, 2500).Select(_ => rng.NextDouble()).ToArray();
        long[] labels = Enumerable.Range(0, 2500).Select(i => (long)(i % 4)).ToArray();
        var preprocessor = new EcgPreprocessor();

        // When preprocessed
        double[] filtered = preprocessor.ResampleAndFilter(x);

        // Then the signal is only filtered and the labels are unchanged
        double[] expected = SosFilter.FiltFilt(preprocessor.LowpassSos, SosFilter.FiltFilt(preprocessor.HighpassSos, x));
        Assert.Equal(expected, filtered);
        Assert.Equal(labels, preprocessor.ResampleLabels(labels));
    }

    [Fact]
    public void Should_Reject_Labels_Of_Other_Length_Than_Signal()
    {
        var preprocessor = new EcgPreprocessor();

        var error = Assert.Throws<ArgumentException>(() => preprocessor.Process(new double[5000], new long[4999]));

        Assert.Contains("4999", error.Message);
    }

    private void AssertStage(string tag, string stage, double[] actual, double tolerance)
    {
        double[] expected = SignalFixtures.Float64(SignalFixtures.Preprocessing($"{tag}_{stage}.npy"));
        double error = SignalFixtures.MaxAbsDifference(actual, expected);
        output.WriteLine($"{tag} {stage} max |Δ| = {error:E2}");
        Assert.True(error < tolerance, $"{tag} {stage}: max abs error {error}");
    }
}
