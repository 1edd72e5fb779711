using SemiSegEcg.Transforms;

namespace SemiSegEcg.Training.Pipeline;

/// <summary>
/// How training items are built (docs/reference/original-behaviour.md#loading-a-sample, steps 6–9): the weak transform runs on the filtered signal and its mask;
/// each strong view is built from the weak view's signal (same crop), never touching the mask; every view is then
/// standardized.
/// </summary>
/// <param name="Weak">Label-aware weak augmentation (e.g. random_resize_crop), or null for none.</param>
/// <param name="Strong">Signal-only strong augmentation (e.g. RandAugment); required when <paramref name="StrongViews"/> &gt; 0.</param>
/// <param name="StrongViews">Independent strong views per item: 0 (supervised, CPS, ST++), 1 (Mean Teacher, FixMatch, ReCo), 2 (UniMatch).</param>
public sealed record ViewRecipe(ISignalTransform? Weak, ISignalTransform? Strong, int StrongViews)
{
    public static ViewRecipe None { get; } = new(null, null, 0);
}
