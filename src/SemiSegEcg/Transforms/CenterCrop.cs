using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Cuts the middle <c>crop_length</c> samples, starting at <c>(T − crop_length) / 2</c> rounded down, from signal
/// and label (docs/reference/original-behaviour.md#preprocessing-transforms, unused by the shipped configs).
/// </summary>
public sealed class CenterCrop : ISignalTransform
{
    public const string ClassName = "CenterCrop";

    public CenterCrop(int cropLength)
    {
        CropLengthSamples = TransformGuard.AtLeast(ClassName, "crop_length", cropLength, 1);
    }

    public int CropLengthSamples { get; }

    public bool ChangesLabel => true;

    public EcgView Apply(EcgView view, SeededRandom random)
    {
        CropWindow.RequireFits(ClassName, CropLengthSamples, view.LengthSamples);
        return CropWindow.Cut(view, (view.LengthSamples - CropLengthSamples) / 2, CropLengthSamples);
    }
}
