using System.Numerics;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Unit)]
public sealed class RealFftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(2498)]
    [InlineData(4999)]
    [InlineData(5000)]
    public void Should_Equal_Complex_Transform_Of_Real_Signal(int length)
    {
        // Given a real signal
        var rng = new Random(length);
        double[] x = Enumerable.Range(0, length).Select(_ => rng.NextDouble() - 0.5).ToArray();
        Complex[] full = Array.ConvertAll(x, v => new Complex(v, 0));
        new ComplexFft(length).Forward(full);

        // When transformed as real input
        var plan = new RealFft(length);
        var spectrum = new Complex[plan.SpectrumLength];
        plan.Forward(x, spectrum);

        // Then bins 0..n/2 equal the complex transform's
        for (int k = 0; k < spectrum.Length; k++) Assert.True(Complex.Abs(spectrum[k] - full[k]) < 1e-11, $"bin {k}: {spectrum[k]} vs {full[k]}");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(10)]
    [InlineData(4999)]
    [InlineData(5000)]
    public void Should_Return_Scaled_Input_When_Inverting_Forward(int length)
    {
        // Given a real signal and its half spectrum
        var rng = new Random(3);
        double[] x = Enumerable.Range(0, length).Select(_ => rng.NextDouble()).ToArray();
        var plan = new RealFft(length);
        var spectrum = new Complex[plan.SpectrumLength];
        plan.Forward(x, spectrum);

        // When inverted
        var back = new double[length];
        plan.InverseUnscaled(spectrum, back);

        // Then it is n times the signal
        for (int i = 0; i < length; i++) Assert.Equal(x[i], back[i] / length, 12);
    }

    [Fact]
    public void Should_Ignore_Imaginary_Parts_Of_Dc_And_Nyquist_When_Inverting()
    {
        // Given a length-4 half spectrum whose DC and Nyquist bins carry imaginary parts
        var plan = new RealFft(4);
        Complex[] spectrum = [new(1, 5), new(0, 0), new(3, -7)];

        // When inverted
        var x = new double[4];
        plan.InverseUnscaled(spectrum, x);

        // Then only the real parts count, as in numpy.fft.irfft: x[t] = 1 + 3·(−1)^t
        Assert.Equal([4.0, -2.0, 4.0, -2.0], x);
    }
}
