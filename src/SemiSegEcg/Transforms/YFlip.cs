using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>Negates the signal (docs/reference/original-behaviour.md#unused-augmentations, unused by the shipped configs); the label is untouched.</summary>
public sealed class YFlip : ISignalTransform
{
    public const string ClassName = "YFlip";

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] input = view.Signal;
        var output = new double[input.Length];
        for (int i = 0; i < input.Length; i++) output[i] = -input[i];
        return view.WithSignal(output);
    }
}
