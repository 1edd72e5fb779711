using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Multi-head self-attention: fused Linear(embed → 3·heads·head_dim) → q, k, v → softmax(q·kᵀ / √head_dim)·v per
/// head → concatenated heads → Linear(heads·head_dim → embed). Keys (the original's): <c>to_qkv.*</c>, <c>to_out.0.*</c>.
/// </summary>
/// <remarks>
/// Row layout of <c>to_qkv.weight</c>: rows <c>[0, I)</c> are q, <c>[I, 2I)</c> k, <c>[2I, 3I)</c> v (I = heads·head_dim);
/// inside each, head h owns rows <c>h·head_dim … (h+1)·head_dim − 1</c>. The concatenated heads feed <c>to_out.0</c> in
/// the same head-major order. The product uses <c>F.scaled_dot_product_attention</c>, whose implicit scale is
/// 1/√head_dim (TorchSharp 0.107 has no <c>scale</c> argument), which is what the original uses (docs/reference/original-behaviour.md#vit-tiny).
/// </remarks>
public sealed class VitAttention : nn.Module<Tensor, Tensor>
{
    private readonly Linear to_qkv;
    private readonly Sequential to_out;
    private readonly int _numHeads;
    private readonly int _headDim;

    public VitAttention(int embedDims, int numHeads, int headDim, bool qkvBias) : base(nameof(VitAttention))
    {
        if (numHeads < 1) throw new ArgumentOutOfRangeException(nameof(numHeads), numHeads, "head count must be at least 1");
        if (headDim < 1) throw new ArgumentOutOfRangeException(nameof(headDim), headDim, "head width must be at least 1");
        _numHeads = numHeads;
        _headDim = headDim;
        int inner = numHeads * headDim;
        to_qkv = nn.Linear(embedDims, 3 * inner, hasBias: qkvBias);
        to_out = nn.Sequential(("0", nn.Linear(inner, embedDims)));
        RegisterComponents();
    }

    /// <param name="input">Tokens <c>(B, N, embed_dims)</c>.</param>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long batch = input.shape[0];
        long tokens = input.shape[1];
        // (B, N, 3·H·D) → (3, B, H, N, D)
        var heads = to_qkv.call(input).reshape(batch, tokens, 3, _numHeads, _headDim).permute(2, 0, 3, 1, 4);
        var attended = F.scaled_dot_product_attention(heads[0], heads[1], heads[2]);
        var merged = attended.transpose(1, 2).reshape(batch, tokens, _numHeads * _headDim);
        return to_out.call(merged).MoveToOuterDisposeScope();
    }
}
