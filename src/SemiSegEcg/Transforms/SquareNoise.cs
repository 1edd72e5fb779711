namespace SemiSegEcg.Transforms;

/// <summary>Adds full-length square-wave noise (scipy <c>square</c>, 50 % duty, the sine's argument) (see <see cref="FullLengthNoise"/>).</summary>
public sealed class SquareNoise(double amplitude = 1.0, double freq = 0.5) : FullLengthNoise(ClassName, NoiseShape.Square, amplitude, freq)
{
    public const string ClassName = "SquareNoise";

    public override ISignalTransform WithLevel(double magnitude) => new SquareNoise(magnitude, 0.5 / magnitude);
}
