using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// The training step of ST++'s self-training stages 2 and 3 (docs/reference/original-behaviour.md#st-stpp): a frozen teacher (the previous stage's
/// best checkpoint, eval mode) gives hard pseudo-labels (argmax, no threshold) on the weak unlabeled view; a freshly
/// initialised student trains on the labeled batch and those pseudo-labels, both views weak and in one forward;
/// loss = (CE_sup + CE_pseudo) / 2. Stage 1 is the supervised baseline, and the stages themselves (checkpoints at
/// E/3 and 2E/3, reliability ranking, stage folders) are run by <c>Experiments.StPlusPlusRun</c>.
/// </summary>
public sealed class StPlusPlus : ISegmentationAlgorithm
{
    private readonly EncoderDecoder _student;
    private readonly EncoderDecoder _teacher;

    public StPlusPlus(EncoderDecoder student, EncoderDecoder teacher)
    {
        _student = student;
        _teacher = teacher;
        foreach (var p in teacher.parameters()) p.requires_grad_(false);
        teacher.eval();
        TrainedNetworks = [new NamedNetwork("model", student)];
    }

    public string Name => "stpp";
    public AlgorithmDataNeeds DataNeeds { get; } = new(UsesUnlabeled: true, UnlabeledStrongViews: 0);
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks => TrainedNetworks;
    public EncoderDecoder EvaluationModel => _student;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var weak = input.RequireUnlabeledWeak(Name);
        var (_, pseudo) = PseudoLabels.Predict(_teacher, weak);
        var (labeledLogits, unlabeledLogits) = JointForward.Run(_student, input.Labeled, weak);
        var lossX = SegmentationLosses.CrossEntropy(labeledLogits, input.Masks);
        var lossU = SegmentationLosses.CrossEntropy(unlabeledLogits, pseudo);
        var total = ScalarSafeArithmetic.MeanOf(lossX, lossU);
        return new StepResult([total], [new("loss_total", total.detach()), new("loss_x", lossX.detach()), new("loss_u_s", lossU.detach())]);
    }

    public void AfterOptimizerStep(StepContext context) { }

    public void Dispose()
    {
        _student.Dispose();
        _teacher.Dispose();
    }
}
