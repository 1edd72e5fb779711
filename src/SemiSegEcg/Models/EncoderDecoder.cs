using SemiSegEcg.Models.Backbones;
using SemiSegEcg.Models.Heads;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace SemiSegEcg.Models;

/// <summary>
/// The segmentation network: backbone → multi-level features → decode head → logits at feature resolution →
/// linear interpolation to the input length (the head's <c>align_corners</c>, false in the benchmark).
/// With a <see cref="LatentProjection"/> it also returns ReCo's latent, computed from the last backbone level and
/// resized the same way. State-dict keys: <c>backbone.*</c>, <c>decode_head.*</c>, <c>projection.*</c>.
/// </summary>
public sealed class EncoderDecoder : nn.Module<Tensor, SegmentationOutput>
{
    private readonly BackboneBase backbone;
    private readonly DecodeHeadBase decode_head;
    private readonly LatentProjection? projection;

    public EncoderDecoder(BackboneBase backbone, DecodeHeadBase decodeHead, LatentProjection? projection = null)
        : base(nameof(EncoderDecoder))
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(decodeHead);
        decodeHead.CheckCompatibility(backbone.OutChannels, backbone.StemChannels);
        if (projection is not null && projection.InChannels != backbone.OutChannels[^1])
        {
            throw new ArgumentException(
                $"option 'projection_in_dim' is {projection.InChannels} but the backbone's last level has {backbone.OutChannels[^1]} channels");
        }
        this.backbone = backbone;
        decode_head = decodeHead;
        this.projection = projection;
        RegisterComponents();
    }

    public BackboneBase Backbone => backbone;

    public DecodeHeadBase DecodeHead => decode_head;

    public LatentProjection? Projection => projection;

    /// <param name="input">Signal <c>(B, leads, T)</c>.</param>
    public override SegmentationOutput forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var features = ExtractFeatures(input);
        long length = input.shape[^1];
        var logits = Decode(features, length);
        Tensor? latent = null;
        if (projection is not null)
        {
            latent = Resize(projection.call(features.Stages[^1]), length, alignCorners: false);
        }
        return new SegmentationOutput(logits.MoveToOuterDisposeScope(), latent?.MoveToOuterDisposeScope());
    }

    /// <summary>Backbone features of <paramref name="input"/> <c>(B, leads, T)</c>, with the input itself attached.</summary>
    public BackboneFeatures ExtractFeatures(Tensor input) => backbone.call(input) with { Input = input };

    /// <summary>Runs the decode head on (possibly perturbed) features and resizes the logits to <paramref name="lengthSamples"/>.</summary>
    public Tensor Decode(BackboneFeatures features, long lengthSamples)
    {
        using var scope = NewDisposeScope();
        return Resize(decode_head.call(features), lengthSamples, decode_head.AlignCorners).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// UniMatch's feature perturbation: channel dropout (the paper's <c>Dropout2d</c> on image features; here whole
    /// channels of a (B, C, L) map, always active whatever the module mode) on every feature level the head reads; clean and perturbed features pass through the head as one concatenated batch
    /// (so train-mode BatchNorm sees both), and the result is split back. The attached input is never perturbed.
    /// </summary>
    /// <param name="input">Signal <c>(B, leads, T)</c>.</param>
    /// <param name="dropoutProbability">Probability of zeroing each feature channel, in [0, 1).</param>
    public FeaturePerturbationOutput ForwardWithFeaturePerturbation(Tensor input, double dropoutProbability)
    {
        if (dropoutProbability is < 0 or >= 1 || double.IsNaN(dropoutProbability))
            throw new ArgumentOutOfRangeException(nameof(dropoutProbability), dropoutProbability, "feature dropout probability must be in [0, 1)");
        using var scope = NewDisposeScope();
        var features = ExtractFeatures(input);
        var used = new HashSet<int>(decode_head.InputLevels);
        // Levels the head does not read are only duplicated, so every map in the record has batch 2B.
        var stages = features.Stages
            .Select((level, i) => cat([level, used.Contains(i) ? F.dropout1d(level, dropoutProbability, training: true) : level], dim: 0))
            .ToArray();
        Tensor? stem = features.Stem is null ? null
            : cat([features.Stem, decode_head.UsesStem ? F.dropout1d(features.Stem, dropoutProbability, training: true) : features.Stem], dim: 0);
        Tensor? signal = features.Input is null ? null : cat([features.Input, features.Input], dim: 0);
        var logits = Decode(new BackboneFeatures(stages, stem, signal), input.shape[^1]);
        var halves = logits.chunk(2, dim: 0);
        return new FeaturePerturbationOutput(halves[0].MoveToOuterDisposeScope(), halves[1].MoveToOuterDisposeScope());
    }

    private static Tensor Resize(Tensor x, long lengthSamples, bool alignCorners) =>
        x.shape[^1] == lengthSamples
            ? x
            : F.interpolate(x, size: [lengthSamples], mode: InterpolationMode.Linear, align_corners: alignCorners);
}
