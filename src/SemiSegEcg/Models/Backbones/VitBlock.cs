using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Pre-norm transformer block: <c>x + Attn(LN(x))</c>, then <c>x + MLP(LN(x))</c>; LayerNorm eps 1e-5.
/// Keys: <c>norm1.*</c>, <c>attn.{qkv,proj}.*</c>, <c>norm2.*</c>, <c>mlp.{fc1,fc2}.*</c>.
/// </summary>
public sealed class VitBlock : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly VitAttention attn;
    private readonly LayerNorm norm2;
    private readonly VitMlp mlp;

    public VitBlock(int embedDims, int numHeads, int headDim, int mlpHiddenDims, bool qkvBias) : base(nameof(VitBlock))
    {
        norm1 = nn.LayerNorm(embedDims);
        attn = new VitAttention(embedDims, numHeads, headDim, qkvBias);
        norm2 = nn.LayerNorm(embedDims);
        mlp = new VitMlp(embedDims, mlpHiddenDims);
        RegisterComponents();
    }

    /// <param name="input">Tokens <c>(B, N, embed_dims)</c>.</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.add(attn.call(norm1.call(input)), LongLivedScalars.One);
        x = x.add(mlp.call(norm2.call(x)), LongLivedScalars.One);
        return x.MoveToOuterDisposeScope();
    }
}
