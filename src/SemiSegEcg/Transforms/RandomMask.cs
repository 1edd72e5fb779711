using System.Buffers;
using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// "drop" (docs/reference/original-behaviour.md#unused-augmentations, unused): zeroes <c>randint(0, int(mask_ratio·T))</c> distinct sample positions drawn
/// uniformly without replacement. The label is untouched; the level of RandAugment does not change this op.
/// </summary>
/// <remarks>When <c>int(mask_ratio·T)</c> is 0 the reference's randint would fail on an empty range; here nothing is masked.</remarks>
public sealed class RandomMask : ISignalTransform
{
    public const string ClassName = "RandomMask";

    public RandomMask(double maskRatio = 0.3)
    {
        MaskRatio = TransformGuard.Probability(ClassName, "mask_ratio", maskRatio);
    }

    public double MaskRatio { get; }

    public bool ChangesLabel => false;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        int length = view.LengthSamples;
        int maxCount = (int)(MaskRatio * length);
        double[] output = (double[])view.Signal.Clone();
        if (maxCount < 1) return view.WithSignal(output);
        int count = random.NextInt(0, maxCount);

        // Partial Fisher–Yates over a pooled index buffer: the first `count` entries are a uniform sample without
        // replacement.
        int[] indices = ArrayPool<int>.Shared.Rent(length);
        try
        {
            for (int i = 0; i < length; i++) indices[i] = i;
            for (int i = 0; i < count; i++)
            {
                int j = random.NextInt(i, length);
                (indices[i], indices[j]) = (indices[j], indices[i]);
                output[indices[i]] = 0.0;
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(indices);
        }
        return view.WithSignal(output);
    }
}
