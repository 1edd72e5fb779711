using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// Mean Teacher (docs/reference/original-behaviour.md#mean-teacher): an EMA teacher's weak-view probabilities are soft targets for the student's strong view
/// (soft-label cross-entropy over all positions, no confidence mask, no ramp-up); loss = (L_sup + L_unsup) / 2.
/// The student is evaluated; the teacher is saved as <c>model_ema</c>.
/// </summary>
public sealed class MeanTeacher : ISegmentationAlgorithm
{
    public static MethodEntry<Options> Entry { get; } =
        new("mean_teacher", "Mean Teacher", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 1),
            (createModel, options) => new MeanTeacher(createModel(), createModel(), options.EmaDecay));

    private readonly EncoderDecoder _student;
    private readonly EmaTeacher _teacher;

    public MeanTeacher(EncoderDecoder student, EncoderDecoder teacher, double emaDecay)
    {
        _student = student;
        _teacher = new EmaTeacher(student, teacher, emaDecay);
        TrainedNetworks = [new NamedNetwork("model", student)];
        CheckpointedNetworks = [new NamedNetwork("model", student), new NamedNetwork("model_ema", teacher)];
    }

    public string Name => Entry.Name;
    public AlgorithmDataNeeds DataNeeds => Entry.DataNeeds;
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks { get; }
    public EncoderDecoder EvaluationModel => _student;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var targets = _teacher.Probabilities(input.RequireUnlabeledWeak(Name));
        var (labeledLogits, strongLogits) = JointForward.Run(_student, input.Labeled, input.UnlabeledStrong[0]);
        var lossX = SegmentationLosses.CrossEntropy(labeledLogits, input.Masks);
        var lossU = SegmentationLosses.SoftCrossEntropyPerPosition(strongLogits, targets).mean();
        var total = ScalarSafeArithmetic.MeanOf(lossX, lossU);
        return new StepResult([total],
            [new("loss_total", total.detach()), new("loss_x", lossX.detach()), new("loss_u_s", lossU.detach())]);
    }

    public void AfterOptimizerStep(StepContext context) => _teacher.Update();

    public void Dispose()
    {
        _student.Dispose();
        _teacher.Dispose();
    }

    /// <summary>Mean Teacher's <c>train</c> keys.</summary>
    public sealed record Options : IMethodOptions
    {
        /// <summary>Teacher EMA decay; the default is the original code's, the shipped configs say 0.99.</summary>
        public double EmaDecay { get; init; } = 0.999;

        public void Validate(ConfigChecks check) => check.Probability("ema_decay", EmaDecay);
    }
}
