using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Parity)]
public sealed class SosFilterTests
{
    [Fact]
    public void Should_Use_Reference_Pad_Length_Of_18_For_Both_Filters()
    {
        var json = SignalFixtures.Json(SignalFixtures.Preprocessing("preprocessing.json"));

        Assert.Equal(json.GetProperty("sosfiltfilt_padlen_highpass").GetInt32(), SosFilter.PadLength(SignalFixtures.SosFromJson(json.GetProperty("sos_highpass"))));
        Assert.Equal(json.GetProperty("sosfiltfilt_padlen_lowpass").GetInt32(), SosFilter.PadLength(SignalFixtures.SosFromJson(json.GetProperty("sos_lowpass"))));
        Assert.Equal(18, SosFilter.PadLength(ButterworthDesign.Sos(5, 0.67, 250, FilterType.Highpass)));
    }

    [Fact]
    public void Should_Remove_Constant_When_Highpass_FiltFilt()
    {
        // Given a constant signal
        double[] x = Enumerable.Repeat(3.7, 500).ToArray();

        // When zero-phase high-passed at 0.67 Hz
        double[] y = SosFilter.FiltFilt(ButterworthDesign.Sos(5, 0.67, 250, FilterType.Highpass), x);

        // Then nothing is left (the steady-state start means no transient)
        Assert.All(y, v => Assert.True(Math.Abs(v) < 1e-9, $"{v}"));
    }

    [Fact]
    public void Should_Keep_Constant_When_Lowpass_FiltFilt()
    {
        double[] x = Enumerable.Repeat(-2.5, 300).ToArray();

        double[] y = SosFilter.FiltFilt(ButterworthDesign.Sos(5, 40, 250, FilterType.Lowpass), x);

        Assert.All(y, v => Assert.Equal(-2.5, v, 10));
    }

    [Fact]
    public void Should_Start_In_Steady_State_When_Filtering_Step_With_Scaled_Zi()
    {
        // Given a low-pass design, its steady state and a unit step
        double[,] sos = ButterworthDesign.Sos(4, 20, 250, FilterType.Lowpass);
        double[,] zi = SosFilter.SteadyStateInitialConditions(sos);

        // When the step is filtered from that state
        double[] y = SosFilter.Filter(sos, Enumerable.Repeat(1.0, 50).ToArray(), zi);

        // Then the output is the DC gain (1) from the first sample on
        Assert.All(y, v => Assert.Equal(1.0, v, 12));
    }

    [Fact]
    public void Should_Compute_Direct_Form_II_Transposed_Recursion_When_Filtering()
    {
        // Given y[n] = 0.5·x[n] + 0.5·y[n−1] (b = [0.5, 0, 0], a = [1, −0.5, 0]) and an impulse
        double[,] sos = { { 0.5, 0, 0, 1, -0.5, 0 } };

        double[] y = SosFilter.Filter(sos, [1.0, 0, 0, 0]);

        Assert.Equal([0.5, 0.25, 0.125, 0.0625], y);
    }

    [Fact]
    public void Should_Name_Pad_Length_When_Signal_Is_Too_Short()
    {
        double[,] sos = ButterworthDesign.Sos(5, 40, 250, FilterType.Lowpass);

        var error = Assert.Throws<ArgumentException>(() => SosFilter.FiltFilt(sos, new double[18]));

        Assert.Contains("18", error.Message);
        Assert.Equal(19, SosFilter.FiltFilt(sos, new double[19]).Length);
    }

    [Fact]
    public void Should_Reject_Sections_Not_Normalised_To_A0_Of_One()
    {
        double[,] sos = { { 1, 0, 0, 2, 0, 0 } };

        Assert.Throws<ArgumentException>(() => SosFilter.Filter(sos, [1.0]));
    }
}
