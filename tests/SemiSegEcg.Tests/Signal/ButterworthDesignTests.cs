using SemiSegEcg.Signal;
using Xunit.Abstractions;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Parity)]
public sealed class ButterworthDesignTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sos_highpass", 0.67, FilterType.Highpass)]
    [InlineData("sos_lowpass", 40.0, FilterType.Lowpass)]
    public void Should_Match_Scipy_Sections_For_Reference_Filters(string key, double cutoffHz, FilterType type)
    {
        // Given scipy's butter(5, cutoff, btype, fs=250, output='sos')
        var json = SignalFixtures.Json(SignalFixtures.Preprocessing("preprocessing.json"));
        double[,] expected = SignalFixtures.SosFromJson(json.GetProperty(key));

        // When designed here
        double[,] actual = ButterworthDesign.Sos(5, cutoffHz, 250.0, type);

        // Then the same sections come out in the same order and pairing, to 1e-12, with the exact zeros in place
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(6, actual.GetLength(1));
        double max = 0;
        for (int s = 0; s < expected.GetLength(0); s++)
        {
            for (int c = 0; c < 6; c++)
            {
                max = Math.Max(max, Math.Abs(actual[s, c] - expected[s, c]));
                if (expected[s, c] == 0.0) Assert.Equal(0.0, actual[s, c]);
            }
        }
        output.WriteLine($"{key} max |Δ| = {max:E2}");
        Assert.True(max < 1e-12, $"{key}: max abs error {max}");
    }

    [Theory]
    [InlineData(1, FilterType.Lowpass)]
    [InlineData(2, FilterType.Highpass)]
    [InlineData(4, FilterType.Lowpass)]
    [InlineData(5, FilterType.Highpass)]
    [InlineData(8, FilterType.Lowpass)]
    public void Should_Have_Half_Power_At_Cutoff_And_Unit_Gain_In_Passband(int order, FilterType type)
    {
        // Given a design at 10 Hz, fs 100 Hz
        double[,] sos = ButterworthDesign.Sos(order, 10.0, 100.0, type);

        // When its response is evaluated
        double atCutoff = Magnitude(sos, 10.0, 100.0);
        double passband = Magnitude(sos, type == FilterType.Lowpass ? 0.0 : 50.0, 100.0);

        // Then |H| = 1/√2 at the cutoff (bilinear pre-warping) and 1 in the passband
        Assert.Equal(1 / Math.Sqrt(2), atCutoff, 10);
        Assert.Equal(1.0, passband, 10);
        Assert.Equal((order + 1) / 2, sos.GetLength(0));
    }

    [Fact]
    public void Should_Reject_Cutoff_At_Or_Above_Nyquist()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.Sos(5, 125.0, 250.0, FilterType.Lowpass));
        Assert.Contains("Nyquist", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => ButterworthDesign.Sos(0, 10.0, 250.0, FilterType.Lowpass));
    }

    private static double Magnitude(double[,] sos, double frequencyHz, double samplingRateHz)
    {
        var z = System.Numerics.Complex.FromPolarCoordinates(1.0, 2 * Math.PI * frequencyHz / samplingRateHz);
        System.Numerics.Complex h = 1;
        for (int s = 0; s < sos.GetLength(0); s++)
        {
            var num = sos[s, 0] + sos[s, 1] / z + sos[s, 2] / (z * z);
            var den = sos[s, 3] + sos[s, 4] / z + sos[s, 5] / (z * z);
            h *= num / den;
        }
        return h.Magnitude;
    }
}
