using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Cuts the signal into non-overlapping patches and embeds each: LayerNorm(patch_dims) → Linear(patch_dims →
/// embed_dims) → LayerNorm(embed_dims). Keys: <c>norm1.*</c>, <c>proj.*</c>, <c>norm2.*</c>.
/// </summary>
/// <remarks>
/// Token p holds samples <c>p·P … p·P + P − 1</c>. With several leads the token is time-major, lead-minor: value
/// <c>j = offset · num_leads + lead</c> (the <c>b c (n p) → b n (p c)</c> layout common to 1-D ViTs with this
/// LayerNorm/Linear/LayerNorm embedding). For one lead this is simply the patch's samples in order.
/// </remarks>
public sealed class VitPatchEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly LayerNorm norm1;
    private readonly Linear proj;
    private readonly LayerNorm norm2;
    private readonly int _patchSize;
    private readonly int _numLeads;

    public VitPatchEmbedding(int patchSize, int numLeads, int embedDims) : base(nameof(VitPatchEmbedding))
    {
        if (patchSize < 1) throw new ArgumentOutOfRangeException(nameof(patchSize), patchSize, "patch size must be at least 1");
        if (numLeads < 1) throw new ArgumentOutOfRangeException(nameof(numLeads), numLeads, "lead count must be at least 1");
        if (embedDims < 1) throw new ArgumentOutOfRangeException(nameof(embedDims), embedDims, "embedding width must be at least 1");
        _patchSize = patchSize;
        _numLeads = numLeads;
        norm1 = nn.LayerNorm(patchSize * numLeads);
        proj = nn.Linear(patchSize * numLeads, embedDims);
        norm2 = nn.LayerNorm(embedDims);
        RegisterComponents();
    }

    /// <param name="input">Signal <c>(B, num_leads, T)</c> with T a multiple of the patch size.</param>
    /// <returns>Patch tokens <c>(B, T / patch_size, embed_dims)</c>.</returns>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long batch = input.shape[0];
        long patches = input.shape[2] / _patchSize;
        var tokens = _numLeads == 1
            ? input.reshape(batch, patches, _patchSize)
            : input.reshape(batch, _numLeads, patches, _patchSize).permute(0, 2, 3, 1).reshape(batch, patches, _patchSize * _numLeads);
        return norm2.call(proj.call(norm1.call(tokens))).MoveToOuterDisposeScope();
    }
}
