using SemiSegEcg.Models.Backbones;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Tests.Models.Heads;

/// <summary>
/// A stand-in for a single-scale backbone (the ViT-Tiny-1D layout): a patch-<c>patchSamples</c> conv
/// embedding, then <c>levels − 1</c> chained 1×1 conv + GELU blocks; every block's output is one level, all of shape
/// <c>(B, width, T / patch)</c>, and there is no stem.
/// </summary>
internal sealed class SingleScaleTestBackbone : BackboneBase
{
    private readonly Conv1d patch_embed;
    private readonly ModuleList<Conv1d> blocks;
    private readonly int[] _outChannels;

    public SingleScaleTestBackbone(int width = 192, int levels = 4, int patchSamples = 25, int numLeads = 1)
        : base(nameof(SingleScaleTestBackbone))
    {
        patch_embed = nn.Conv1d(numLeads, width, kernel_size: patchSamples, stride: patchSamples);
        blocks = nn.ModuleList(Enumerable.Range(0, levels - 1).Select(_ => nn.Conv1d(width, width, kernel_size: 1)).ToArray());
        _outChannels = Enumerable.Repeat(width, levels).ToArray();
        RegisterComponents();
    }

    public override IReadOnlyList<int> OutChannels => _outChannels;

    public override int? StemChannels => null;

    public override BackboneFeatures forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = patch_embed.call(input);
        var levels = new List<Tensor> { x };
        foreach (var block in blocks)
        {
            x = F.gelu(block.call(x));
            levels.Add(x);
        }
        return new BackboneFeatures(levels.Select(l => l.MoveToOuterDisposeScope()).ToArray(), null);
    }
}
