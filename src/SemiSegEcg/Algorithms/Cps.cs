using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// Cross Pseudo Supervision (docs/reference/original-behaviour.md#cps): two differently initialised networks, each trained on the labeled batch and
/// on the other's eval-mode hard pseudo-labels of the same weak unlabeled view (no strong augmentation); one optimizer
/// each; loss_k = (L_sup + L_unsup)/2. Network 1 is validated and tested; both are checkpointed, so CPS resumes.
/// </summary>
public sealed class Cps : ISegmentationAlgorithm
{
    public static MethodEntry<NoOptions> Entry { get; } =
        new("cps", "CPS", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 0),
            (createModel, _) => new Cps(createModel(), createModel()));

    private readonly EncoderDecoder _first;
    private readonly EncoderDecoder _second;

    public Cps(EncoderDecoder first, EncoderDecoder second)
    {
        _first = first;
        _second = second;
        TrainedNetworks = [new NamedNetwork("model", first), new NamedNetwork("model2", second)];
    }

    public string Name => Entry.Name;
    public AlgorithmDataNeeds DataNeeds => Entry.DataNeeds;
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks => TrainedNetworks;
    public EncoderDecoder EvaluationModel => _first;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var weak = input.RequireUnlabeledWeak(Name);
        var (_, fromFirst) = PseudoLabels.Predict(_first, weak);
        var (_, fromSecond) = PseudoLabels.Predict(_second, weak);

        var (labeled1, unlabeled1) = JointForward.Run(_first, input.Labeled, weak);
        var lossX1 = SegmentationLosses.CrossEntropy(labeled1, input.Masks);
        var lossU1 = SegmentationLosses.CrossEntropy(unlabeled1, fromSecond);
        var total1 = ScalarSafeArithmetic.MeanOf(lossX1, lossU1);

        var (labeled2, unlabeled2) = JointForward.Run(_second, input.Labeled, weak);
        var lossX2 = SegmentationLosses.CrossEntropy(labeled2, input.Masks);
        var lossU2 = SegmentationLosses.CrossEntropy(unlabeled2, fromFirst);
        var total2 = ScalarSafeArithmetic.MeanOf(lossX2, lossU2);

        return new StepResult([total1, total2],
        [
            new("loss_total", total1.detach()), new("loss_x", lossX1.detach()), new("loss_u_s", lossU1.detach()),
            new("loss_total_2", total2.detach()),
        ]);
    }

    public void AfterOptimizerStep(StepContext context) { }

    public void Dispose()
    {
        _first.Dispose();
        _second.Dispose();
    }
}
