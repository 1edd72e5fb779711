namespace SemiSegEcg.Transforms;

/// <summary>Adds full-length white noise <c>amplitude · N(0, 1)</c> (see <see cref="FullLengthNoise"/>).</summary>
public sealed class WhiteNoise(double amplitude = 1.0, double freq = 0.5) : FullLengthNoise(ClassName, NoiseShape.White, amplitude, freq)
{
    public const string ClassName = "WhiteNoise";

    public override ISignalTransform WithLevel(double magnitude) => new WhiteNoise(magnitude, 0.5 / magnitude);
}
