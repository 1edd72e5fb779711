using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// The training step of ST++'s self-training stages 2 and 3 (spec §4.7): a frozen teacher (the previous stage's
/// best checkpoint, eval mode) gives hard pseudo-labels (argmax, no threshold) on the weak unlabeled view; a freshly
/// initialised student trains on the labeled batch and those pseudo-labels, both views weak and in one forward;
/// loss = (CE_sup + CE_pseudo) / 2. Stage 1 is the supervised baseline, and the stages themselves (checkpoints at
/// E/3 and 2E/3, reliability ranking, stage folders) are run by <c>Experiments.StPlusPlusRun</c>.
/// </summary>
public sealed class StPlusPlus : ISegmentationAlgorithm
{
    /// <summary>
    /// The catalog entry. Its factory builds the self-training step around a freshly initialised teacher; a run's
    /// stages give that step the previous stage's best network (<c>Experiments.StPlusPlusRun</c>). With
    /// <c>train.stpp_reference_selection</c> a run is reported as a method of its own.
    /// </summary>
    public static MethodEntry<Options> Entry { get; } =
        new("stpp", "ST++", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 0),
            (createModel, _) => new StPlusPlus(createModel(), createModel()))
        {
            Variants = [new("stpp_reference", "ST++ (original selection)", (options, _) => options.StppReferenceSelection)],
        };

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

    public string Name => Entry.Name;
    public AlgorithmDataNeeds DataNeeds => Entry.DataNeeds;
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

    /// <summary>ST++'s <c>train</c> keys.</summary>
    public sealed record Options : IMethodOptions
    {
        /// <summary>Reproduce the original's broken reliable-sample selection (spec §8.1) instead of the fixed one.</summary>
        public bool StppReferenceSelection { get; init; }

        /// <summary>Accepted, never read: the original's ST++ config carries it (spec §4.7), so ours do too.</summary>
        public double? EmaDecay { get; init; }

        public void Validate(ConfigChecks check)
        {
        }
    }
}
