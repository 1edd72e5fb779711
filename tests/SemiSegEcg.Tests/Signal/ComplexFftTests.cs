using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Tests.Signal;

[Trait(Category.Trait, Category.Unit)]
public sealed class ComplexFftTests
{
    // Small radices, generic odd radices (7, 31), Bluestein lengths (37, 97, 2·1249, prime 4999) and the pipeline sizes.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(31)]
    [InlineData(37)]
    [InlineData(97)]
    [InlineData(111)]
    [InlineData(1250)]
    [InlineData(2498)]
    [InlineData(2500)]
    [InlineData(4096)]
    [InlineData(4999)]
    public void Should_Match_MathNet_Transform(int length)
    {
        // Given a random complex signal
        var rng = new Random(length);
        var data = new Complex[length];
        for (int i = 0; i < length; i++) data[i] = new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        var expected = (Complex[])data.Clone();
        Fourier.Forward(expected, FourierOptions.NoScaling);

        // When transformed by our plan
        var actual = (Complex[])data.Clone();
        new ComplexFft(length).Forward(actual);

        // Then every bin agrees to rounding (relative to the spectrum's scale, √n for unit-size samples)
        double tolerance = 1e-12 * Math.Sqrt(length) * Math.Max(1, Math.Log2(length));
        for (int k = 0; k < length; k++) Assert.True(Complex.Abs(actual[k] - expected[k]) < tolerance, $"bin {k}: {actual[k]} vs {expected[k]}");
    }

    [Theory]
    [InlineData(10)]
    [InlineData(97)]
    [InlineData(2500)]
    public void Should_Return_Scaled_Input_When_Inverting_Forward(int length)
    {
        // Given a random signal and its transform
        var rng = new Random(7);
        var data = new Complex[length];
        for (int i = 0; i < length; i++) data[i] = new Complex(rng.NextDouble(), rng.NextDouble());
        var roundTrip = (Complex[])data.Clone();
        var plan = new ComplexFft(length);
        plan.Forward(roundTrip);

        // When inverted without scaling
        plan.InverseUnscaled(roundTrip);

        // Then it is n times the input
        for (int i = 0; i < length; i++) Assert.True(Complex.Abs(roundTrip[i] / length - data[i]) < 1e-13, $"sample {i}");
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 8)]
    [InlineData(17, 18)]
    [InlineData(2497, 2500)]
    [InlineData(9997, 10000)]
    [InlineData(8193, 8640)]
    public void Should_Pick_Smallest_Smooth_Length_For_Bluestein(int minimum, int expected)
    {
        Assert.Equal(expected, ComplexFft.SmoothLengthAtLeast(minimum));
    }
}
