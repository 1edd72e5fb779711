using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Transformer feed-forward: Linear(embed → hidden) → exact (erf) GELU → Linear(hidden → embed). Keys: <c>net.0.*</c>,
/// <c>net.3.*</c>, the original's (its positions 2 and 4 are dropouts of rate 0, which hold nothing and are left out).
/// </summary>
public sealed class VitMlp : nn.Module<Tensor, Tensor>
{
    private readonly Sequential net;

    public VitMlp(int embedDims, int hiddenDims) : base(nameof(VitMlp))
    {
        net = nn.Sequential(
            ("0", nn.Linear(embedDims, hiddenDims)),
            ("1", nn.GELU()),
            ("3", nn.Linear(hiddenDims, embedDims)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return net.call(input).MoveToOuterDisposeScope();
    }
}
