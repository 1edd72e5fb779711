using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>Reverses time in the signal and in the label (docs/reference/original-behaviour.md#unused-augmentations, unused by the shipped configs).</summary>
public sealed class XFlip : ISignalTransform
{
    public const string ClassName = "XFlip";

    public bool ChangesLabel => true;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        double[] signal = (double[])view.Signal.Clone();
        Array.Reverse(signal);
        byte[]? label = null;
        if (view.Label is not null)
        {
            label = (byte[])view.Label.Clone();
            Array.Reverse(label);
        }
        return new EcgView(signal, label);
    }
}
