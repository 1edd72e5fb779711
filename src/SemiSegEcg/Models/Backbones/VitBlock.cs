using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Pre-norm transformer block: <c>x + Attn(LN(x))</c>, then <c>x + MLP(LN(x))</c>; LayerNorm eps 1e-5.
/// Keys (the original's): <c>attn.norm.*</c>, <c>attn.fn.{to_qkv,to_out.0}.*</c>, <c>ff.norm.*</c>,
/// <c>ff.fn.net.{0,3}.*</c>.
/// </summary>
public sealed class VitBlock : nn.Module<Tensor, Tensor>
{
    private readonly VitPreNorm attn;
    private readonly VitPreNorm ff;

    public VitBlock(int embedDims, int numHeads, int headDim, int mlpHiddenDims, bool qkvBias) : base(nameof(VitBlock))
    {
        attn = new VitPreNorm(embedDims, new VitAttention(embedDims, numHeads, headDim, qkvBias));
        ff = new VitPreNorm(embedDims, new VitMlp(embedDims, mlpHiddenDims));
        RegisterComponents();
    }

    /// <param name="input">Tokens <c>(B, N, embed_dims)</c>.</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.add(attn.call(input), LongLivedScalars.One);
        x = x.add(ff.call(x), LongLivedScalars.One);
        return x.MoveToOuterDisposeScope();
    }
}
