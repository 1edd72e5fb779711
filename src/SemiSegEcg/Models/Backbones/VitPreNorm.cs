using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// LayerNorm (eps 1e-5) then a sub-layer: <c>fn(norm(x))</c>, the residual branch of a pre-norm transformer block.
/// Keys: <c>norm.*</c>, <c>fn.*</c> (the original's layout).
/// </summary>
public sealed class VitPreNorm : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm;
    private readonly nn.Module<Tensor, Tensor> fn;

    public VitPreNorm(int embedDims, nn.Module<Tensor, Tensor> sublayer) : base(nameof(VitPreNorm))
    {
        ArgumentNullException.ThrowIfNull(sublayer);
        norm = nn.LayerNorm(embedDims);
        fn = sublayer;
        RegisterComponents();
    }

    /// <param name="input">Tokens <c>(B, N, embed_dims)</c>.</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        return fn.call(norm.call(input)).MoveToOuterDisposeScope();
    }
}
