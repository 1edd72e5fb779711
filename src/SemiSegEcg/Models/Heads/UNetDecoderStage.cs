using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Models.Heads;

/// <summary>
/// One U-Net decoder step: (optional 1×1 <c>project</c>) → linear upsampling to the target length → merge with the
/// skip (concat or add) → <c>convs</c> (Conv-BN-ReLU stack). Keys: <c>project.{weight,bias}</c> (add mode, widths
/// differ), <c>convs.{i}.conv.weight</c>, <c>convs.{i}.bn.*</c>.
/// </summary>
/// <remarks>
/// In add mode the decoder map is projected to the skip's width before upsampling, not after: a 1×1 convolution and
/// linear interpolation commute (interpolation weights sum to 1), so the result is the same at a fraction of the cost.
/// </remarks>
internal sealed class UNetDecoderStage : nn.Module
{
    private readonly Conv1d? project;
    private readonly Sequential convs;
    private readonly bool _addSkip;

    /// <param name="inChannels">Width of the incoming decoder map.</param>
    /// <param name="skipChannels">Width of the skip, or null for a stage without one.</param>
    /// <param name="addSkip">Sum the skip instead of concatenating it.</param>
    public UNetDecoderStage(int inChannels, int? skipChannels, bool addSkip, int outChannels, int numConvs, int kernelSize)
        : base(nameof(UNetDecoderStage))
    {
        _addSkip = addSkip && skipChannels is not null;
        int convInput = skipChannels switch
        {
            null => inChannels,
            int skip when _addSkip => skip,
            int skip => inChannels + skip,
        };
        if (_addSkip && skipChannels != inChannels)
        {
            project = nn.Conv1d(inChannels, skipChannels!.Value, kernel_size: 1);
        }
        convs = ConvBnRelu1d.Stack(numConvs, convInput, outChannels, kernelSize);
        RegisterComponents();
    }

    /// <param name="x">Decoder map <c>(B, in, L)</c>.</param>
    /// <param name="skip">Skip map <c>(B, skip, targetLength)</c>, or null.</param>
    /// <returns><c>(B, out, targetLength)</c>.</returns>
    public Tensor Forward(Tensor x, Tensor? skip, long targetLength, bool alignCorners)
    {
        using var scope = NewDisposeScope();
        if (project is not null) x = project.call(x);
        if (x.shape[^1] != targetLength)
        {
            x = F.interpolate(x, size: [targetLength], mode: InterpolationMode.Linear, align_corners: alignCorners);
        }
        if (skip is not null) x = _addSkip ? x.add(skip, LongLivedScalars.One) : cat([x, skip], dim: 1);
        return convs.call(x).MoveToOuterDisposeScope();
    }
}
