namespace SemiSegEcg.Models.Heads;

/// <summary>
/// Keyword arguments of the reference FCN decode head (the <c>decode_head: {FCNHead: {...}}</c> block). Property names
/// map one-to-one to the YAML snake_case keys; defaults are the values every shipped ResNet config uses
/// (the ViT configs change only <c>in_channels</c> to 192).
/// </summary>
public sealed record FcnHeadOptions
{
    /// <summary>Channels of the selected backbone level; must equal the backbone's width there.</summary>
    public int InChannels { get; init; } = 512;

    /// <summary>Index into the backbone's returned levels (3 = last ResNet stage).</summary>
    public int InIndex { get; init; } = 3;

    /// <summary>Width of the convolution stack and of the classifier input.</summary>
    public int Channels { get; init; } = 128;

    /// <summary>Number of Conv-BN-ReLU modules; 0 passes the level through (then in_channels must equal channels).</summary>
    public int NumConvs { get; init; } = 1;

    /// <summary>Odd kernel size of the stack's convolutions (padding k/2 keeps the length).</summary>
    public int KernelSize { get; init; } = 3;

    /// <summary>Concatenate the input with the stack output and fuse them with one more Conv-BN-ReLU (<c>conv_cat</c>).</summary>
    public bool ConcatInput { get; init; }

    public double DropoutRatio { get; init; } = 0.1;

    public int NumClasses { get; init; } = 4;

    public bool AlignCorners { get; init; }
}
