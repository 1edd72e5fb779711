namespace SemiSegEcg.Transforms;

/// <summary>Adds full-length sine noise <c>amplitude · sin(2π·(n/T)/freq)</c> (see <see cref="FullLengthNoise"/>).</summary>
public sealed class SineNoise(double amplitude = 1.0, double freq = 0.5) : FullLengthNoise(ClassName, NoiseShape.Sine, amplitude, freq)
{
    public const string ClassName = "SineNoise";

    public override ISignalTransform WithLevel(double magnitude) => new SineNoise(magnitude, 0.5 / magnitude);
}
