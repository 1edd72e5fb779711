using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Every window of <c>crop_length</c> samples at starts 0, stride, 2·stride, … that fits the signal
/// (docs/reference/original-behaviour.md#preprocessing-transforms, unused by the shipped configs). The reference stacks the windows along a new axis and
/// squeezes a single one; a single-lead view can carry only one, so <see cref="Apply"/> works only when exactly one
/// window fits and <see cref="Windows"/> returns them all.
/// </summary>
public sealed class MovingWindowCrop : ISignalTransform
{
    public const string ClassName = "MovingWindowCrop";

    public MovingWindowCrop(int cropLength, int cropStride)
    {
        CropLengthSamples = TransformGuard.AtLeast(ClassName, "crop_length", cropLength, 1);
        CropStrideSamples = TransformGuard.AtLeast(ClassName, "crop_stride", cropStride, 1);
    }

    public int CropLengthSamples { get; }

    public int CropStrideSamples { get; }

    public bool ChangesLabel => true;

    public IReadOnlyList<EcgView> Windows(EcgView view)
    {
        CropWindow.RequireFits(ClassName, CropLengthSamples, view.LengthSamples);
        var windows = new List<EcgView>();
        for (int start = 0; start + CropLengthSamples <= view.LengthSamples; start += CropStrideSamples)
            windows.Add(CropWindow.Cut(view, start, CropLengthSamples));
        return windows;
    }

    /// <exception cref="NotSupportedException">More than one window fits.</exception>
    public EcgView Apply(EcgView view, SeededRandom random) => CropWindow.Single(ClassName, Windows(view));
}
