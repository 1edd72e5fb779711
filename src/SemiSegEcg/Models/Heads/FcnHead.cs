using SemiSegEcg.Models;
using SemiSegEcg.Models.Backbones;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace SemiSegEcg.Models.Heads;

/// <summary>
/// FCN decode head: <c>num_convs</c> × [Conv1d(k, pad k/2, no bias) → BN → ReLU] on one backbone level, optional
/// <c>conv_cat</c> fusion with the input, then dropout and the 1×1 classifier. Keys: <c>convs.{i}.0.weight</c>,
/// <c>convs.{i}.1.*</c>, <c>conv_cat.{0,1}.*</c> (only with concat_input), <c>cls_seg.{weight,bias}</c>.
/// Layers keep PyTorch's default initialisation, as in the reference.
/// </summary>
public sealed class FcnHead : DecodeHeadBase
{
    /// <summary>The catalog entry of <c>decode_head: {FCNHead: {...}}</c>, the original's head: its model folders are the bare backbone names.</summary>
    public static HeadEntry Entry { get; } = HeadEntry.Of<FcnHeadOptions>("FCNHead", "FCN", options => new FcnHead(options));

    private readonly nn.Module<Tensor, Tensor> convs;
    private readonly Sequential? conv_cat;
    private readonly int[] _inputLevels;

    public FcnHead(FcnHeadOptions options)
        : base(nameof(FcnHead), Checked(options).Channels, options.NumClasses, options.DropoutRatio, options.AlignCorners)
    {
        Options = options;
        _inputLevels = [options.InIndex];
        int padding = options.KernelSize / 2;
        if (options.NumConvs == 0)
        {
            convs = nn.Identity();
        }
        else
        {
            var stack = new List<nn.Module<Tensor, Tensor>>();
            for (int i = 0; i < options.NumConvs; i++)
            {
                stack.Add(ConvBnRelu(i == 0 ? options.InChannels : options.Channels, options.Channels, options.KernelSize, padding));
            }
            convs = nn.Sequential(stack);
        }
        if (options.ConcatInput)
        {
            conv_cat = ConvBnRelu(options.InChannels + options.Channels, options.Channels, options.KernelSize, padding);
        }
        RegisterComponents();
    }

    public FcnHeadOptions Options { get; }

    public override IReadOnlyList<int> InputLevels => _inputLevels;

    public override void CheckCompatibility(IReadOnlyList<int> backboneOutChannels, int? backboneStemChannels)
    {
        if (Options.InIndex >= backboneOutChannels.Count)
        {
            throw new ArgumentException(
                $"FCNHead option 'in_index' is {Options.InIndex} but the backbone returns {backboneOutChannels.Count} level(s) " +
                $"(out channels [{string.Join(", ", backboneOutChannels)}])");
        }
        int available = backboneOutChannels[Options.InIndex];
        if (available != Options.InChannels)
        {
            throw new ArgumentException(
                $"FCNHead option 'in_channels' is {Options.InChannels} but backbone level {Options.InIndex} has {available} channels " +
                $"(out channels [{string.Join(", ", backboneOutChannels)}])");
        }
    }

    /// <returns>Logits at feature resolution, <c>(B, num_classes, L_in_index)</c>.</returns>
    public override Tensor forward(BackboneFeatures features)
    {
        using var scope = NewDisposeScope();
        var input = Level(features, Options.InIndex);
        var output = convs.call(input);
        if (conv_cat is not null)
        {
            output = conv_cat.call(cat([input, output], dim: 1));
        }
        return ClassifySegments(output).MoveToOuterDisposeScope();
    }

    private static Sequential ConvBnRelu(int inChannels, int outChannels, int kernelSize, int padding) =>
        nn.Sequential(
            nn.Conv1d(inChannels, outChannels, kernel_size: kernelSize, padding: padding, bias: false),
            new ScalarSafeBatchNorm1d(outChannels),
            nn.ReLU());

    private static FcnHeadOptions Checked(FcnHeadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.InChannels < 1) throw Invalid("in_channels", options.InChannels, "expected at least 1");
        if (options.InIndex < 0) throw Invalid("in_index", options.InIndex, "expected a level index ≥ 0");
        if (options.NumConvs < 0) throw Invalid("num_convs", options.NumConvs, "expected 0 or more");
        if (options.KernelSize < 1 || options.KernelSize % 2 == 0) throw Invalid("kernel_size", options.KernelSize, "expected an odd size ≥ 1");
        if (options.NumConvs == 0 && options.InChannels != options.Channels)
            throw Invalid("num_convs", 0, $"with no convolutions in_channels ({options.InChannels}) must equal channels ({options.Channels})");
        return options;
    }

    private static ArgumentException Invalid(string field, int value, string expectation) =>
        new($"FCNHead option '{field}' is {value}: {expectation}");
}
