using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Cuts <c>crop_length</c> samples starting at <c>randint(0, T − crop_length + 1)</c> from signal and label
/// (docs/reference/original-behaviour.md#preprocessing-transforms, unused by the shipped configs).
/// </summary>
public sealed class RandomCrop : ISignalTransform
{
    public const string ClassName = "RandomCrop";

    public RandomCrop(int cropLength)
    {
        CropLengthSamples = TransformGuard.AtLeast(ClassName, "crop_length", cropLength, 1);
    }

    public int CropLengthSamples { get; }

    public bool ChangesLabel => true;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        CropWindow.RequireFits(ClassName, CropLengthSamples, view.LengthSamples);
        int start = random.NextInt(0, view.LengthSamples - CropLengthSamples + 1);
        return CropWindow.Cut(view, start, CropLengthSamples);
    }
}
