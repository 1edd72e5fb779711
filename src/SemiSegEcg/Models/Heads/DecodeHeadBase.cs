using SemiSegEcg.Models.Backbones;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Heads;

/// <summary>
/// Shared tail of every decode head (the mmsegmentation split): dropout, then the 1×1 classifier <c>cls_seg</c>.
/// A concrete head turns the backbone features into a <c>(B, channels, L')</c> map and calls
/// <see cref="ClassifySegments"/>; the output is <c>(B, num_classes, L')</c> at feature resolution.
/// </summary>
/// <remarks>
/// The fields are protected, not private, so that the derived head's <c>RegisterComponents()</c> sees them; .NET
/// reflection lists a derived type's own fields before inherited ones, so <c>cls_seg</c> comes after the derived
/// head's layers in the state dict, as in the reference (<c>decode_head.convs.*</c>, then <c>decode_head.cls_seg.*</c>).
/// </remarks>
public abstract class DecodeHeadBase : nn.Module<BackboneFeatures, Tensor>
{
    protected readonly Dropout? dropout;
    protected readonly Conv1d cls_seg;

    protected DecodeHeadBase(string name, int channels, int numClasses, double dropoutRatio, bool alignCorners) : base(name)
    {
        if (channels < 1) throw new ArgumentException($"decode head option 'channels' is {channels}: expected at least 1");
        if (numClasses < 1) throw new ArgumentException($"decode head option 'num_classes' is {numClasses}: expected at least 1");
        if (dropoutRatio is < 0 or >= 1 || double.IsNaN(dropoutRatio))
            throw new ArgumentException($"decode head option 'dropout_ratio' is {dropoutRatio}: expected a value in [0, 1)");
        Channels = channels;
        NumClasses = numClasses;
        DropoutRatio = dropoutRatio;
        AlignCorners = alignCorners;
        dropout = dropoutRatio > 0 ? nn.Dropout(dropoutRatio) : null;
        cls_seg = nn.Conv1d(channels, numClasses, kernel_size: 1);
    }

    /// <summary>Width of the map fed to <c>cls_seg</c>.</summary>
    public int Channels { get; }

    public int NumClasses { get; }

    public double DropoutRatio { get; }

    /// <summary>The <c>align_corners</c> flag for resizing this head's logits to the input length.</summary>
    public bool AlignCorners { get; }

    /// <summary>Indices into <see cref="BackboneFeatures.Stages"/> that this head reads.</summary>
    public abstract IReadOnlyList<int> InputLevels { get; }

    /// <summary>Whether this head reads <see cref="BackboneFeatures.Stem"/>.</summary>
    public virtual bool UsesStem => false;

    /// <summary>
    /// Test hook: when set and the head is in training mode, replaces the dropout (e.g. with a stored keep-mask,
    /// <c>x * (keep / 0.9f)</c>, so a reference training step can be reproduced exactly).
    /// </summary>
    internal Func<Tensor, Tensor>? DropoutOverride { get; set; }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when this head cannot read the given backbone's features
    /// (e.g. its <c>in_channels</c> differs from the selected level's width).
    /// </summary>
    public abstract void CheckCompatibility(IReadOnlyList<int> backboneOutChannels, int? backboneStemChannels);

    /// <summary>Dropout (training only) and the 1×1 classifier: <c>(B, channels, L')</c> → <c>(B, num_classes, L')</c>.</summary>
    protected Tensor ClassifySegments(Tensor features)
    {
        Tensor dropped = training && DropoutOverride is { } overrideDropout ? overrideDropout(features)
            : dropout is null ? features
            : dropout.call(features);
        return cls_seg.call(dropped);
    }

    /// <summary>Returns stage <paramref name="level"/> of <paramref name="features"/>, or a clear error if it is absent.</summary>
    protected static Tensor Level(BackboneFeatures features, int level)
    {
        if (level >= features.Stages.Count)
            throw new ArgumentException($"decode head reads feature level {level} but the backbone returned {features.Stages.Count} level(s)");
        return features.Stages[level];
    }
}
