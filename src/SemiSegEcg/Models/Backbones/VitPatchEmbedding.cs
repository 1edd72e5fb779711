using static TorchSharp.torch;

namespace SemiSegEcg.Models.Backbones;

/// <summary>
/// Cuts the signal into non-overlapping patches and embeds each: LayerNorm(patch_dims) → Linear(patch_dims →
/// embed_dims) → LayerNorm(embed_dims). Keys (the original's): <c>1.*</c>, <c>2.*</c>, <c>3.*</c> — its position 0 is the
/// parameter-free cut into patches, done here in <see cref="forward"/>.
/// </summary>
/// <remarks>
/// Token p holds samples <c>p·P … p·P + P − 1</c>. With several leads the token is time-major, lead-minor: value
/// <c>j = offset · num_leads + lead</c> (the <c>b c (n p) → b n (p c)</c> layout common to 1-D ViTs with this
/// LayerNorm/Linear/LayerNorm embedding). For one lead this is simply the patch's samples in order.
/// </remarks>
public sealed class VitPatchEmbedding : nn.Module<Tensor, Tensor>
{
    // LayerNorm, Linear, LayerNorm. An array, not fields: TorchSharp registers Module fields under their field names,
    // and these must be registered only under the original's positions 1, 2, 3.
    private readonly nn.Module<Tensor, Tensor>[] _layers;
    private readonly int _patchSize;
    private readonly int _numLeads;

    public VitPatchEmbedding(int patchSize, int numLeads, int embedDims) : base(nameof(VitPatchEmbedding))
    {
        if (patchSize < 1) throw new ArgumentOutOfRangeException(nameof(patchSize), patchSize, "patch size must be at least 1");
        if (numLeads < 1) throw new ArgumentOutOfRangeException(nameof(numLeads), numLeads, "lead count must be at least 1");
        if (embedDims < 1) throw new ArgumentOutOfRangeException(nameof(embedDims), embedDims, "embedding width must be at least 1");
        _patchSize = patchSize;
        _numLeads = numLeads;
        _layers = [nn.LayerNorm(patchSize * numLeads), nn.Linear(patchSize * numLeads, embedDims), nn.LayerNorm(embedDims)];
        for (int i = 0; i < _layers.Length; i++) register_module($"{i + 1}", _layers[i]);
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
        foreach (var layer in _layers) tokens = layer.call(tokens);
        return tokens.MoveToOuterDisposeScope();
    }
}
