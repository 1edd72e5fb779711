using SemiSegEcg.Models;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Heads;

/// <summary>
/// ReCo's latent projection on the last backbone feature map: Conv1d(in→out, k3, p1, no bias) → ReLU → BN(out) →
/// Conv1d(out→out, k1, no bias). <c>(B, in, L')</c> → <c>(B, out, L')</c>; the caller resizes to the input length.
/// </summary>
/// <remarks>
/// The reference's key names for this module are not known. The children are named "0".."3" as an
/// <c>nn.Sequential</c> assigned to a <c>projection</c> attribute would name them, giving <c>projection.0.weight</c>,
/// <c>projection.2.{weight,bias,running_mean,running_var,num_batches_tracked}</c> and <c>projection.3.weight</c>.
/// If a reference ReCo checkpoint turns out to differ, remap at import rather than renaming here.
/// </remarks>
public sealed class LatentProjection : nn.Module<Tensor, Tensor>
{
    [ComponentName(Name = "0")]
    private readonly Conv1d _inputConv;

    [ComponentName(Name = "1")]
    private readonly ReLU _relu;

    [ComponentName(Name = "2")]
    private readonly ScalarSafeBatchNorm1d _norm;

    [ComponentName(Name = "3")]
    private readonly Conv1d _outputConv;

    public LatentProjection(int inChannels, int outChannels) : base(nameof(LatentProjection))
    {
        if (inChannels < 1) throw new ArgumentException($"option 'projection_in_dim' is {inChannels}: expected at least 1");
        if (outChannels < 1) throw new ArgumentException($"option 'projection_out_dim' is {outChannels}: expected at least 1");
        InChannels = inChannels;
        OutChannels = outChannels;
        _inputConv = nn.Conv1d(inChannels, outChannels, kernel_size: 3, padding: 1, bias: false);
        _relu = nn.ReLU();
        _norm = new ScalarSafeBatchNorm1d(outChannels);
        _outputConv = nn.Conv1d(outChannels, outChannels, kernel_size: 1, bias: false);
        RegisterComponents();
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return _outputConv.call(_norm.call(_relu.call(_inputConv.call(input)))).MoveToOuterDisposeScope();
    }
}
