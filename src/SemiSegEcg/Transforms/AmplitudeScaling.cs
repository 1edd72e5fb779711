using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Multiplies every sample by its own N(1, σ²) draw (docs/reference/original-behaviour.md#strong-augmentation-randaugment, docs/reference/original-behaviour.md#elementwise-amplitude-scaling): elementwise multiplicative
/// noise, not one gain per signal. The label is untouched. Level m sets σ = 0.5·m.
/// </summary>
public sealed class AmplitudeScaling : ILevelAdjustable
{
    public const string ClassName = "AmplitudeScaling";

    public AmplitudeScaling(double sigma = 0.5)
    {
        Sigma = TransformGuard.NonNegative(ClassName, "sigma", sigma);
    }

    public double Sigma { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] input = view.Signal;
        var output = new double[input.Length];
        for (int i = 0; i < input.Length; i++) output[i] = input[i] * (1.0 + Sigma * random.NextGaussian());
        return view.WithSignal(output);
    }

    public ISignalTransform WithLevel(double magnitude) => new AmplitudeScaling(0.5 * magnitude);
}
