using SemiSegEcg.Models;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Models.Heads;

/// <summary>
/// Conv1d(k, pad k/2, no bias) → BatchNorm1d → ReLU, keeping the length. Keys <c>conv.weight</c>, <c>bn.*</c>
/// (mmcv's ConvModule naming).
/// </summary>
internal sealed class ConvBnRelu1d : nn.Module<Tensor, Tensor>
{
    private readonly Conv1d conv;
    private readonly ScalarSafeBatchNorm1d bn;

    public ConvBnRelu1d(int inChannels, int outChannels, int kernelSize) : base(nameof(ConvBnRelu1d))
    {
        conv = nn.Conv1d(inChannels, outChannels, kernel_size: kernelSize, padding: kernelSize / 2, bias: false);
        bn = new ScalarSafeBatchNorm1d(outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return F.relu(bn.call(conv.call(input))).MoveToOuterDisposeScope();
    }

    /// <summary><paramref name="count"/> blocks, the first reading <paramref name="inChannels"/>, the rest <paramref name="outChannels"/>.</summary>
    public static Sequential Stack(int count, int inChannels, int outChannels, int kernelSize) =>
        nn.Sequential(Enumerable.Range(0, count)
            .Select(i => (nn.Module<Tensor, Tensor>)new ConvBnRelu1d(i == 0 ? inChannels : outChannels, outChannels, kernelSize))
            .ToArray());
}
