using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// UniMatch (Yang et al., CVPR 2023; not in the original benchmark), following the paper's training step:
/// one train-mode pass over <c>concat(labeled, unlabeled weak)</c> with feature perturbation gives the labeled logits,
/// the clean weak logits (detached: hard pseudo-labels and confidences) and the feature-perturbed weak logits; one
/// plain pass over <c>concat(strong 1, strong 2)</c> gives the two strong views. Each unsupervised term is the
/// cross-entropy against the pseudo-labels where confidence ≥ <c>conf_thresh</c>, averaged over all positions;
/// loss = (w_x·L_x + w_s1·L_s1 + w_s2·L_s2 + w_fp·L_fp) / 2 with weights (1, 0.25, 0.25, 0.5) unless
/// <c>train.loss_weights</c> gives four. Optional CutMix along time (<c>train.unimatch_cutmix</c>) mixes a segment
/// of the next sample in the batch into each strong view, with that sample's weak pseudo-labels.
/// </summary>
public sealed class UniMatch : ISegmentationAlgorithm
{
    public static MethodEntry<Options> Entry { get; } =
        new("unimatch", "UniMatch", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 2),
            (createModel, options) => new UniMatch(createModel(), options.ConfThresh, options.FeatureDropout, options.LossWeights, options.UnimatchCutmix));

    private readonly EncoderDecoder _model;
    private readonly Scalar _threshold;
    private readonly double _featureDropout;
    private readonly Scalar[] _weights;
    private readonly bool _cutMix;

    public UniMatch(EncoderDecoder model, double confidenceThreshold, double featureDropout,
        IReadOnlyList<double>? lossWeights = null, bool cutMix = false)
    {
        ArgumentNullException.ThrowIfNull(model);
        var weights = (lossWeights ?? DefaultLossWeights).ToArray();
        _model = model;
        _threshold = LongLivedScalars.Of(confidenceThreshold);
        _featureDropout = featureDropout;
        _weights = weights.Select(LongLivedScalars.Of).ToArray();
        _cutMix = cutMix;
        TrainedNetworks = [new NamedNetwork("model", model)];
    }

    /// <summary>The paper's weights of (L_x, L_s1, L_s2, L_fp); the weighted sum is halved.</summary>
    public static IReadOnlyList<double> DefaultLossWeights { get; } = [1.0, 0.25, 0.25, 0.5];

    public string Name => Entry.Name;
    public AlgorithmDataNeeds DataNeeds => Entry.DataNeeds;
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks => TrainedNetworks;
    public EncoderDecoder EvaluationModel => _model;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var weak = input.RequireUnlabeledWeak(Name);
        if (input.UnlabeledStrong.Count < 2)
            throw new InvalidOperationException($"{Name} needs two strong views of the unlabeled batch, got {input.UnlabeledStrong.Count}");
        var strong1 = input.UnlabeledStrong[0];
        var strong2 = input.UnlabeledStrong[1];
        Tensor? segments1 = null, segments2 = null;
        if (_cutMix)
        {
            segments1 = TimeCutMix.DrawSegments(weak.shape[0], weak.shape[^1], weak.device);
            segments2 = TimeCutMix.DrawSegments(weak.shape[0], weak.shape[^1], weak.device);
            strong1 = TimeCutMix.FromNextSample(strong1, segments1);
            strong2 = TimeCutMix.FromNextSample(strong2, segments2);
        }
        return Losses(Forward(input.Labeled, weak, strong1, strong2), input.Masks, segments1, segments2);
    }

    public void AfterOptimizerStep(StepContext context) { }

    public void Dispose() => _model.Dispose();

    /// <summary>The paper's two passes (the network's current mode is used; the trainer keeps it in train mode).</summary>
    internal Streams Forward(Tensor labeled, Tensor weak, Tensor strong1, Tensor strong2)
    {
        int n = (int)labeled.shape[0];
        var perturbation = _model.ForwardWithFeaturePerturbation(cat([labeled, weak], dim: 0), _featureDropout);
        var strong = _model.call(cat([strong1, strong2], dim: 0)).Logits.chunk(2, dim: 0);
        return new Streams(perturbation.Clean[..n], perturbation.Clean[n..], perturbation.Perturbed[n..], strong[0], strong[1]);
    }

    /// <summary>
    /// The losses from the streams' logits. Pseudo-labels and confidences come from the detached clean weak logits;
    /// with CutMix segments, the strong views' targets take the next sample's pseudo-labels inside the segments.
    /// </summary>
    internal StepResult Losses(Streams streams, Tensor masks, Tensor? segments1 = null, Tensor? segments2 = null)
    {
        Tensor confidence, pseudo;
        using (no_grad())
        {
            (confidence, pseudo) = streams.Weak.detach().softmax(1).max(1);
        }
        var lossX = SegmentationLosses.CrossEntropy(streams.Labeled, masks);
        var lossS1 = Masked(streams.Strong1, Mix(pseudo, segments1), Mix(confidence, segments1));
        var lossS2 = Masked(streams.Strong2, Mix(pseudo, segments2), Mix(confidence, segments2));
        var lossFp = Masked(streams.WeakPerturbed, pseudo, confidence);
        var total = lossX.mul(_weights[0]).Plus(lossS1.mul(_weights[1])).Plus(lossS2.mul(_weights[2])).Plus(lossFp.mul(_weights[3]))
            .div(LongLivedScalars.Two);
        return new StepResult([total],
        [
            new("loss_total", total.detach()), new("loss_x", lossX.detach()), new("loss_u_s", ScalarSafeArithmetic.MeanOf(lossS1, lossS2).detach()),
            new("loss_u_w_fp", lossFp.detach()), new("mask_ratio", confidence.ge(_threshold).to(ScalarType.Float32).mean()),
        ]);
    }

    private Tensor Masked(Tensor logits, Tensor labels, Tensor confidence) =>
        (SegmentationLosses.CrossEntropyPerPosition(logits, labels) * confidence.ge(_threshold).to(logits.dtype)).mean();

    private static Tensor Mix(Tensor x, Tensor? segments) => segments is null ? x : TimeCutMix.FromNextSample(x, segments);

    /// <summary>Logits of one step, each <c>(B, C, T)</c>.</summary>
    internal sealed record Streams(Tensor Labeled, Tensor Weak, Tensor WeakPerturbed, Tensor Strong1, Tensor Strong2);

    /// <summary>UniMatch's <c>train</c> keys.</summary>
    public sealed record Options : IMethodOptions
    {
        /// <summary>Pseudo-label confidence threshold.</summary>
        public double ConfThresh { get; init; } = 0.80;

        /// <summary>Dropout rate of the feature-perturbed stream.</summary>
        public double FeatureDropout { get; init; } = 0.5;

        /// <summary>Loss weights (labeled, strong 1, strong 2, feature-perturbed); null = the paper's <see cref="DefaultLossWeights"/>.</summary>
        public IReadOnlyList<double>? LossWeights { get; init; }

        /// <summary>CutMix along time between samples of the batch in both strong views (the paper's CutMix, made 1-D).</summary>
        public bool UnimatchCutmix { get; init; }

        public void Validate(ConfigChecks check)
        {
            check.Probability("conf_thresh", ConfThresh);
            check.That("feature_dropout", FeatureDropout >= 0 && FeatureDropout < 1, "must be in [0, 1)");
            if (LossWeights is { } weights)
            {
                check.That("loss_weights", weights.Count == 4 && weights.All(w => w >= 0 && !double.IsInfinity(w)),
                    "must be four finite weights ≥ 0 (labeled, strong 1, strong 2, feature-perturbed)");
            }
        }
    }
}
