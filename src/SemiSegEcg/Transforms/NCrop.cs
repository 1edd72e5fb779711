using SemiSegEcg.Randomness;

namespace SemiSegEcg.Transforms;

/// <summary>
/// <c>num_segments</c> windows of <c>crop_length</c> samples spread evenly over the signal: window i starts at
/// <c>floor(i·(T − crop_length)/(num_segments − 1))</c>, so the first starts at 0 and the last ends at T
/// (docs/reference/original-behaviour.md#preprocessing-transforms, unused by the shipped configs; the exact spacing rule of the reference is not documented,
/// this one is [inferred]). A single segment is the first window. As for <see cref="MovingWindowCrop"/>,
/// <see cref="Apply"/> needs exactly one window and <see cref="Windows"/> returns them all.
/// </summary>
public sealed class NCrop : ISignalTransform
{
    public const string ClassName = "NCrop";

    public NCrop(int cropLength, int numSegments)
    {
        CropLengthSamples = TransformGuard.AtLeast(ClassName, "crop_length", cropLength, 1);
        SegmentCount = TransformGuard.AtLeast(ClassName, "num_segments", numSegments, 1);
    }

    public int CropLengthSamples { get; }

    public int SegmentCount { get; }

    public bool ChangesLabel => true;

    public IReadOnlyList<EcgView> Windows(EcgView view)
    {
        CropWindow.RequireFits(ClassName, CropLengthSamples, view.LengthSamples);
        int span = view.LengthSamples - CropLengthSamples;
        var windows = new List<EcgView>(SegmentCount);
        for (int i = 0; i < SegmentCount; i++)
        {
            int start = SegmentCount == 1 ? 0 : (int)((long)i * span / (SegmentCount - 1));
            windows.Add(CropWindow.Cut(view, start, CropLengthSamples));
        }
        return windows;
    }

    /// <exception cref="NotSupportedException">More than one segment is configured.</exception>
    public EcgView Apply(EcgView view, SeededRandom random) => CropWindow.Single(ClassName, Windows(view));
}
