using SemiSegEcg.Randomness;
using SemiSegEcg.Transforms;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Transforms;

[Trait(Category.Trait, Category.Parity)]
public sealed class ResampleTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("ludb_1_ii")]
    [InlineData("ludb_2_v1")]
    public void Should_Match_Reference_Loader_Resampling_Of_Real_Leads(string tag)
    {
        // Given a 500-Hz LUDB lead and its mask
        double[] signal = TransformFixtures.Float64(TransformFixtures.Reference("preprocessing", $"{tag}_signal_500hz.npy"));
        byte[] mask = TransformFixtures.Int64(TransformFixtures.Reference("preprocessing", $"{tag}_mask_500hz.npy")).Select(v => (byte)v).ToArray();
        double[] expected = TransformFixtures.Float64(TransformFixtures.Reference("preprocessing", $"{tag}_resampled_2500.npy"));
        long[] expectedMask = TransformFixtures.Int64(TransformFixtures.Reference("preprocessing", $"{tag}_mask_2500.npy"));

        // When resampled to 2500 samples, by length and by rate (500 → 250 Hz)
        foreach (var resample in new[] { new Resample(targetLength: 2500), new Resample(targetFs: 250, fs: 500) })
        {
            EcgView result = resample.Apply(new EcgView(signal, mask), new SeededRandom(0));

            // Then the signal is scipy's FFT resample and the mask the loader's zero-order hold
            double error = TransformFixtures.MaxAbsDifference(result.Signal, expected);
            output.WriteLine($"{tag}: max |Δ| = {error:E2}");
            Assert.True(error < 1e-6);
            Assert.Equal(expectedMask, result.Label!.Select(v => (long)v));
        }
    }

    [Fact]
    public void Should_Interpolate_Linearly_On_Linspace_Positions()
    {
        // Given a ramp 0, 2, 4, ..., 18 (10 samples)
        double[] ramp = Enumerable.Range(0, 10).Select(n => 2.0 * n).ToArray();

        // When interpolated to 19 samples (positions 0, 0.5, ..., 9)
        double[] result = new Resample(targetLength: 19, method: ResampleMethod.Interp).Apply(new EcgView(ramp), new SeededRandom(0)).Signal;

        // Then the output is the ramp on the finer grid
        Assert.Equal(Enumerable.Range(0, 19).Select(k => (double)k), result);
    }

    [Fact]
    public void Should_Use_Nearest_And_Zero_Order_Rules_For_Interp_Kinds_And_Labels()
    {
        // Given 4 samples resized to 7 (positions 0, 0.5, 1, 1.5, 2, 2.5, 3)
        var view = new EcgView([10.0, 20.0, 30.0, 40.0], [0, 1, 2, 3]);

        EcgView nearest = new Resample(targetLength: 7, method: ResampleMethod.Interp, kind: InterpolationKind.Nearest, labelKind: InterpolationKind.Nearest)
            .Apply(view, new SeededRandom(0));
        EcgView zero = new Resample(targetLength: 7, method: ResampleMethod.Interp, kind: InterpolationKind.Zero)
            .Apply(view, new SeededRandom(0));

        // Then nearest rounds half-way positions down, zero-order hold takes the sample at or before
        Assert.Equal([10.0, 10, 20, 20, 30, 30, 40], nearest.Signal);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3], nearest.Label!.Select(v => (int)v));
        Assert.Equal([10.0, 10, 20, 20, 30, 30, 40], zero.Signal);
        Assert.Equal([0, 0, 1, 1, 2, 2, 3], zero.Label!.Select(v => (int)v));
    }

    [Fact]
    public void Should_Compute_Length_From_Rates_With_Truncation()
    {
        Assert.Equal(833, new Resample(targetFs: 250, fs: 300).OutputLength(1000));
        Assert.Throws<TransformArgumentException>(() => new Resample(targetLength: 10, labelKind: InterpolationKind.Linear));
    }
}
