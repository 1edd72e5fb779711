using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// The shared rule of the three <c>RandomPartial*Noise</c> ops (fixtures README §3.3): a full-length noise of the
/// given shape; <c>count = int(U(0, ratio)·T)</c>, <c>start = randint(0, T − count)</c>; the noise's first
/// <c>count</c> samples are added at <c>[start, start + count)</c>.
/// </summary>
internal sealed class PartialNoise
{
    private readonly string _transform;

    public PartialNoise(string transform, NoiseShape shape, double amplitude, double freq, double ratio)
    {
        _transform = transform;
        Shape = shape;
        Amplitude = TransformGuard.NonNegative(transform, "amplitude", amplitude);
        Freq = TransformGuard.Positive(transform, "freq", freq);
        Ratio = TransformGuard.Probability(transform, "ratio", ratio);
    }

    public NoiseShape Shape { get; }

    public double Amplitude { get; }

    public double Freq { get; }

    public double Ratio { get; }

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        (int count, int start) = RandomWindow.Draw(Ratio, view.LengthSamples, random);
        return ApplyWindow(view, count, start, random);
    }

    public EcgView ApplyWindow(EcgView view, int count, int start, SeededRandom random)
    {
        RandomWindow.Validate(count, start, view.LengthSamples);
        double[] output = (double[])view.Signal.Clone();
        NoiseWaveform.AddPrefix(Shape, Amplitude, Freq, output.Length, count, output.AsSpan(start, count), random);
        return view.WithSignal(output);
    }

    public override string ToString() => $"{_transform}(amplitude={Amplitude}, freq={Freq}, ratio={Ratio})";
}
