using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// ResNet basic block: conv3(stride) → BN → ReLU → conv3 → BN, plus the shortcut, then ReLU.
/// Field names are the PyTorch attribute names so state-dict keys match reference checkpoints
/// (<c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>downsample.0</c>, <c>downsample.1</c>).
/// </summary>
public sealed class BasicBlock1d : nn.Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c> (1 for basic blocks; 4 would be a bottleneck).</summary>
    public const int Expansion = 1;

    private readonly Conv1d conv1;
    private readonly ScalarSafeBatchNorm1d bn1;
    private readonly Conv1d conv2;
    private readonly ScalarSafeBatchNorm1d bn2;
    private readonly Sequential? downsample;
    private readonly ReLU relu;

    /// <param name="inChannels">Channels of the block input.</param>
    /// <param name="planes">Channels of both convolutions (and of the output).</param>
    /// <param name="stride">Stride of the first convolution and of the shortcut.</param>
    public BasicBlock1d(int inChannels, int planes, int stride) : base(nameof(BasicBlock1d))
    {
        conv1 = nn.Conv1d(inChannels, planes, kernel_size: 3, stride: stride, padding: 1, bias: false);
        bn1 = new ScalarSafeBatchNorm1d(planes);
        conv2 = nn.Conv1d(planes, planes, kernel_size: 3, stride: 1, padding: 1, bias: false);
        bn2 = new ScalarSafeBatchNorm1d(planes);
        if (stride != 1 || inChannels != planes * Expansion)
        {
            downsample = nn.Sequential(
                nn.Conv1d(inChannels, planes * Expansion, kernel_size: 1, stride: stride, bias: false),
                new ScalarSafeBatchNorm1d(planes * Expansion));
        }
        relu = nn.ReLU();
        RegisterComponents();
    }

    /// <summary>The last BatchNorm of the residual branch (zero-initialised when <c>zero_init_residual</c> is set).</summary>
    internal ScalarSafeBatchNorm1d LastNorm => bn2;

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var identity = downsample is null ? input : downsample.call(input);
        var output = relu.call(bn1.call(conv1.call(input)));
        output = bn2.call(conv2.call(output));
        return relu.call(output.add_(identity, LongLivedScalars.One)).MoveToOuterDisposeScope();
    }
}
