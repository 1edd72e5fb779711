using SemiSegEcg.Signal;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Parity)]
public sealed class FourierResamplerTests(ITestOutputHelper output)
{
    [Fact]
    public void Should_Match_Reference_When_Resampling_Ludb_Lead_From_500Hz_To_2500_Samples()
    {
        foreach (string tag in SignalFixtures.Cases)
        {
            // Given the float32 500-Hz lead as float64
            double[] signal = SignalFixtures.Float64(SignalFixtures.Preprocessing($"{tag}_signal_500hz.npy"));
            double[] expected = SignalFixtures.Float64(SignalFixtures.Preprocessing($"{tag}_resampled_2500.npy"));

            // When resampled to 2500 samples
            double[] actual = FourierResampler.Resample(signal, 2500);

            // Then it matches scipy.signal.resample to float32 rounding
            double error = SignalFixtures.MaxAbsDifference(actual, expected);
            output.WriteLine($"{tag} resampled_2500 max |Δ| = {error:E2}");
            Assert.True(error < 1e-6, $"{tag}: max abs error {error}");
        }
    }

    [Fact]
    public void Should_Match_Reference_Resize_Signals_For_Every_Fixture_Size()
    {
        // Given the standardized reference lead
        double[] input = SignalFixtures.Float64(SignalFixtures.Preprocessing("ludb_1_ii_standardized.npy"));

        foreach (int size in SignalFixtures.ResizeSizes)
        {
            // When resized to each fixture size (down, up, odd, even, prime, identity)
            double[] actual = FourierResampler.Resample(input, size);

            // Then it matches scipy.signal.resample to float32 rounding
            double[] expected = SignalFixtures.Float64(SignalFixtures.Augmentation($"resize_{size}_signal.npy"));
            double error = SignalFixtures.MaxAbsDifference(actual, expected);
            output.WriteLine($"resize_{size}_signal max |Δ| = {error:E2}");
            Assert.True(error < 1e-5, $"size {size}: max abs error {error}");
        }
    }

    [Theory]
    [InlineData(100, 40)]
    [InlineData(100, 250)]
    [InlineData(99, 41)]
    [InlineData(64, 97)]
    public void Should_Resample_Band_Limited_Cosine_Exactly(int sourceLength, int targetLength)
    {
        // Given 3 whole periods of a cosine (well below both Nyquist frequencies)
        double[] x = Enumerable.Range(0, sourceLength).Select(n => Math.Cos(2 * Math.PI * 3 * n / sourceLength + 0.4)).ToArray();

        // When resampled
        double[] y = FourierResampler.Resample(x, targetLength);

        // Then the result is the same cosine sampled on the new grid
        for (int n = 0; n < targetLength; n++) Assert.Equal(Math.Cos(2 * Math.PI * 3 * n / targetLength + 0.4), y[n], 12);
    }

    [Fact]
    public void Should_Fold_Nyquist_Bin_Like_Scipy_When_Downsampling_To_Even_Length()
    {
        // Given x = cos(πn/2) over 8 samples: its energy sits at bin 2 = the Nyquist bin of a length-4 output
        double[] x = Enumerable.Range(0, 8).Select(n => Math.Cos(Math.PI * n / 2)).ToArray();

        // When downsampled to 4 samples
        double[] y = FourierResampler.Resample(x, 4);

        // Then scipy doubles that bin: y = irfft([0, 0, 2·4], 4)·4/8 = cos(πn)
        Assert.Equal([1.0, -1.0, 1.0, -1.0], y.Select(v => Math.Round(v, 12)).ToArray());
    }

    [Fact]
    public void Should_Give_Identical_Results_When_Called_From_Several_Threads()
    {
        // Given one signal and a single-threaded result per length
        var rng = new Random(11);
        double[] x = Enumerable.Range(0, 2500).Select(_ => rng.NextDouble()).ToArray();
        int[] lengths = [1250, 1999, 2501, 3125, 4999, 4001, 2048];
        double[][] expected = lengths.Select(n => FourierResampler.Resample(x, n)).ToArray();

        // When the same resamples run concurrently
        double[][] actual = new double[lengths.Length * 4][];
        Parallel.For(0, actual.Length, i => actual[i] = FourierResampler.Resample(x, lengths[i % lengths.Length]));

        // Then every result is bit-identical
        for (int i = 0; i < actual.Length; i++) Assert.Equal(expected[i % lengths.Length], actual[i]);
    }

    [Fact]
    public void Should_Reject_Empty_Signal_And_Nonpositive_Target()
    {
        Assert.Throws<ArgumentException>(() => FourierResampler.Resample(ReadOnlySpan<double>.Empty, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => FourierResampler.Resample(new double[5], 0));
    }
}
