using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Tensors;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Heads;

/// <summary>
/// U-Net-style decode head that predicts at the full input resolution, so the <see cref="EncoderDecoder"/>'s final
/// resize is a no-op. Every decoder stage is: linear upsampling to the target length (size-based, so odd lengths
/// such as 157 / 313 / 625 are hit exactly) → merge with a skip → <c>num_convs_per_stage</c> × Conv-BN-ReLU.
/// Then dropout and the 1×1 <c>cls_seg</c> of <see cref="DecodeHeadBase"/>.
/// </summary>
/// <remarks>
/// <para>Levels read per backbone kind (option <c>level_fusion</c>):</para>
/// <list type="bullet">
/// <item><c>pyramid</c> (ResNet-18/34, default): all selected stages and the stem. For T = 2500:
/// 512@79 → (skip 256@157) → (skip 128@313) → (skip 64@625) → (skip stem 64@1250) → final @2500.</item>
/// <item><c>concat</c>/<c>sum</c> (ViT-Tiny-1D: four 192@100 maps, no stem): the selected levels are fused at
/// feature resolution (<c>fuse</c>), then <c>progressive_steps</c> ×2 stages without skips (100 → 200 → 400 → 800 →
/// 1600 for 4), then the final stage to the input length.</item>
/// </list>
/// <para>The final stage resizes to <see cref="BackboneFeatures.Input"/>'s length (attached by
/// <see cref="EncoderDecoder.ExtractFeatures"/>) or, when the record carries no input, to twice the current length.
/// With <c>input_skip</c> it concatenates <c>input_convs</c>(raw input) before its convolutions: the only
/// full-resolution cue a single-scale backbone has for sharp wave boundaries.</para>
/// <para>Keys: <c>fuse.{i}.conv.weight</c> (single-scale only), <c>input_convs.{i}.conv.weight</c> (input skip only),
/// <c>up_blocks.{s}.project.*</c> (add mode, widths differ), <c>up_blocks.{s}.convs.{i}.{conv,bn}.*</c>,
/// <c>cls_seg.*</c>. Layers keep PyTorch's default initialisation, like <see cref="FcnHead"/>.</para>
/// </remarks>
public sealed class UNetHead : DecodeHeadBase
{
    /// <summary>The catalog entry of <c>decode_head: {UNetHead: {...}}</c>: model folders <c>&lt;backbone&gt;_unet</c>, report rows <c>&lt;backbone&gt;+UNet</c>.</summary>
    public static HeadEntry Entry { get; } =
        HeadEntry.Of<UNetHeadOptions>("UNetHead", "U-Net", options => new UNetHead(options), folderSuffix: "_unet", reportSuffix: "+UNet");

    private readonly Sequential? fuse;
    private readonly Sequential? input_convs;
    private readonly ModuleList<UNetDecoderStage> up_blocks;
    private readonly int[] _inputLevels;

    public UNetHead(UNetHeadOptions options)
        : base(nameof(UNetHead), Checked(options)[^1], options.NumClasses, options.DropoutRatio, options.AlignCorners)
    {
        Options = options;
        StageChannels = options.ResolvedChannels();
        _inputLevels = options.InIndex.ToArray();
        bool add = options.SkipMode == UNetSkipMode.Add;
        int k = options.KernelSize;
        int n = options.NumConvsPerStage;
        var stages = new List<UNetDecoderStage>();
        int width;
        int next = 0;
        if (options.LevelFusion == UNetLevelFusion.Pyramid)
        {
            width = options.InChannels[^1];
            for (int i = options.InChannels.Count - 2; i >= 0; i--)
            {
                stages.Add(new UNetDecoderStage(width, options.InChannels[i], add, StageChannels[next], n, k));
                width = StageChannels[next++];
            }
            if (options.StemChannels is int stem)
            {
                stages.Add(new UNetDecoderStage(width, stem, add, StageChannels[next], n, k));
                width = StageChannels[next++];
            }
        }
        else
        {
            int fused = options.LevelFusion == UNetLevelFusion.Concat ? options.InChannels.Sum() : options.InChannels[0];
            fuse = ConvBnRelu1d.Stack(n, fused, StageChannels[next], k);
            width = StageChannels[next++];
        }
        for (int i = 0; i < options.ProgressiveSteps; i++)
        {
            stages.Add(new UNetDecoderStage(width, null, add, StageChannels[next], n, k));
            width = StageChannels[next++];
        }
        if (options.InputSkip)
        {
            input_convs = ConvBnRelu1d.Stack(n, options.NumLeads, options.InputSkipChannels, k);
        }
        // The input skip is concatenated whatever skip_mode says: its few raw-signal channels are not a decoder map.
        stages.Add(new UNetDecoderStage(width, options.InputSkip ? options.InputSkipChannels : null, addSkip: false, StageChannels[next], n, k));
        up_blocks = nn.ModuleList(stages.ToArray());
        RegisterComponents();
    }

    public UNetHeadOptions Options { get; }

    /// <summary>Output width of each decoder stage, deep to full resolution (the fusion stage first when single-scale).</summary>
    public IReadOnlyList<int> StageChannels { get; }

    public override IReadOnlyList<int> InputLevels => _inputLevels;

    public override bool UsesStem => Options.StemChannels is not null;

    public override void CheckCompatibility(IReadOnlyList<int> backboneOutChannels, int? backboneStemChannels)
    {
        ArgumentNullException.ThrowIfNull(backboneOutChannels);
        string available = $"(backbone out channels [{string.Join(", ", backboneOutChannels)}])";
        if (_inputLevels[^1] >= backboneOutChannels.Count)
        {
            throw new ArgumentException(
                $"UNetHead option 'in_index' is [{string.Join(", ", _inputLevels)}] but the backbone returns {backboneOutChannels.Count} level(s) {available}");
        }
        var actual = _inputLevels.Select(i => backboneOutChannels[i]).ToArray();
        if (!actual.SequenceEqual(Options.InChannels))
        {
            throw new ArgumentException(
                $"UNetHead option 'in_channels' is [{string.Join(", ", Options.InChannels)}] but backbone levels " +
                $"[{string.Join(", ", _inputLevels)}] have [{string.Join(", ", actual)}] channels {available}");
        }
        if (Options.StemChannels is int stem)
        {
            if (backboneStemChannels is null)
            {
                throw new ArgumentException(
                    $"UNetHead option 'stem_channels' is {stem} but the backbone returns no stem map; set stem_channels: null " +
                    "(and level_fusion: concat or sum with progressive_steps for a single-scale backbone such as the ViT)");
            }
            if (backboneStemChannels != stem)
                throw new ArgumentException($"UNetHead option 'stem_channels' is {stem} but the backbone's stem has {backboneStemChannels} channels");
        }
    }

    /// <returns>Logits <c>(B, num_classes, T)</c> at the input length (see the remarks for the length without an input).</returns>
    public override Tensor forward(BackboneFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        using var scope = NewDisposeScope();
        var levels = _inputLevels.Select(i => Level(features, i)).ToArray();
        Tensor x;
        int stage = 0;
        if (fuse is null)
        {
            x = levels[^1];
            for (int i = levels.Length - 2; i >= 0; i--)
            {
                x = up_blocks[stage++].Forward(x, levels[i], levels[i].shape[^1], AlignCorners);
            }
            if (UsesStem)
            {
                var stem = features.Stem ?? throw new ArgumentException(
                    $"UNetHead option 'stem_channels' is {Options.StemChannels} but the features carry no stem map");
                x = up_blocks[stage++].Forward(x, stem, stem.shape[^1], AlignCorners);
            }
        }
        else
        {
            x = fuse.call(FuseLevels(levels));
        }
        for (; stage < up_blocks.Count - 1; stage++)
        {
            x = up_blocks[stage].Forward(x, null, 2 * x.shape[^1], AlignCorners);
        }
        long length = features.Input?.shape[^1] ?? 2 * x.shape[^1];
        Tensor? inputSkip = input_convs is null ? null : input_convs.call(CheckedInput(features.Input));
        x = up_blocks[stage].Forward(x, inputSkip, length, AlignCorners);
        return ClassifySegments(x).MoveToOuterDisposeScope();
    }

    private Tensor FuseLevels(Tensor[] levels)
    {
        var lengths = levels.Select(l => l.shape[^1]).Distinct().ToArray();
        if (lengths.Length > 1)
        {
            throw new ArgumentException(
                $"UNetHead option 'level_fusion' is '{UNetHeadOptions.Snake(Options.LevelFusion)}' but levels [{string.Join(", ", _inputLevels)}] " +
                $"have lengths [{string.Join(", ", levels.Select(l => l.shape[^1]))}]; use level_fusion: pyramid for a multi-scale backbone");
        }
        if (levels.Length == 1) return levels[0];
        return Options.LevelFusion == UNetLevelFusion.Concat ? cat(levels, dim: 1) : levels.Skip(1).Aggregate(levels[0], (total, level) => total.Plus(level));
    }

    private Tensor CheckedInput(Tensor? input)
    {
        if (input is null)
        {
            throw new ArgumentException(
                "UNetHead option 'input_skip' is true but the features carry no input signal (BackboneFeatures.Input is null; " +
                "EncoderDecoder.ExtractFeatures attaches it)");
        }
        if (input.dim() != 3 || input.shape[1] != Options.NumLeads)
        {
            throw new ArgumentException(
                $"UNetHead option 'num_leads' is {Options.NumLeads} but the input skip received shape ({string.Join(", ", input.shape)})");
        }
        return input;
    }

    private static IReadOnlyList<int> Checked(UNetHeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        return options.ResolvedChannels();
    }
}
