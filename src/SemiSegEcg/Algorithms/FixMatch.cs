using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// FixMatch (docs/reference/original-behaviour.md#fixmatch): eval-mode hard pseudo-labels on the weak view; cross-entropy of the strong view against them
/// where confidence ≥ <c>conf_thresh</c>, averaged over ALL positions (masked ones count as 0); loss = (L_sup + L_unsup) / 2.
/// </summary>
public sealed class FixMatch : ISegmentationAlgorithm
{
    public static MethodEntry<Options> Entry { get; } =
        new("fixmatch", "FixMatch", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 1),
            (createModel, options) => new FixMatch(createModel(), options.ConfThresh));

    private readonly EncoderDecoder _model;
    private readonly Scalar _threshold;

    public FixMatch(EncoderDecoder model, double confidenceThreshold)
    {
        _model = model;
        _threshold = LongLivedScalars.Of(confidenceThreshold);
        TrainedNetworks = [new NamedNetwork("model", model)];
    }

    public string Name => Entry.Name;
    public AlgorithmDataNeeds DataNeeds => Entry.DataNeeds;
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks => TrainedNetworks;
    public EncoderDecoder EvaluationModel => _model;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var (confidence, pseudo) = PseudoLabels.Predict(_model, input.RequireUnlabeledWeak(Name));
        var (labeledLogits, strongLogits) = JointForward.Run(_model, input.Labeled, input.UnlabeledStrong[0]);
        var mask = confidence.ge(_threshold).to(ScalarType.Float32);
        var lossX = SegmentationLosses.CrossEntropy(labeledLogits, input.Masks);
        var lossU = (SegmentationLosses.CrossEntropyPerPosition(strongLogits, pseudo) * mask).mean();
        var total = ScalarSafeArithmetic.MeanOf(lossX, lossU);
        return new StepResult([total],
        [
            new("loss_total", total.detach()), new("loss_x", lossX.detach()), new("loss_u_s", lossU.detach()),
            new("mask_ratio", mask.mean()),
        ]);
    }

    public void AfterOptimizerStep(StepContext context) { }

    public void Dispose() => _model.Dispose();

    /// <summary>FixMatch's <c>train</c> keys.</summary>
    public sealed record Options : IMethodOptions
    {
        /// <summary>Pseudo-label confidence threshold.</summary>
        public double ConfThresh { get; init; } = 0.80;

        public void Validate(ConfigChecks check) => check.Probability("conf_thresh", ConfThresh);
    }
}
