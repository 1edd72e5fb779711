using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// ReCo (docs/reference/original-behaviour.md#reco): Mean Teacher whose soft-target cross-entropy is masked to positions where the teacher's
/// confidence is ≥ <c>conf_thresh</c> (mean over all positions), plus the regional contrastive loss
/// (<see cref="RegionalContrast"/>) on the student's latent of the unlabeled strong view;
/// loss = (L_sup + L_unsup + L_contrast) / 3. Both networks carry the latent projection (the teacher's is unused);
/// the student is evaluated, the teacher saved as <c>model_ema</c>.
/// </summary>
public sealed class ReCo : ISegmentationAlgorithm
{
    private readonly EncoderDecoder _student;
    private readonly EmaTeacher _teacher;
    private readonly Scalar _threshold;
    private readonly RegionalContrastOptions _contrast;

    public ReCo(EncoderDecoder student, EncoderDecoder teacher, double emaDecay, double confidenceThreshold, RegionalContrastOptions contrast)
    {
        ArgumentNullException.ThrowIfNull(student);
        ArgumentNullException.ThrowIfNull(teacher);
        ArgumentNullException.ThrowIfNull(contrast);
        if (student.Projection is null || teacher.Projection is null)
        {
            throw new ArgumentException(
                "algorithm 'reco' needs the latent projection head: set use_latent_projection: true (with projection_in_dim and projection_out_dim)");
        }
        // Above 1 is allowed: it masks every position (tests use it to switch the term off).
        if (double.IsNaN(confidenceThreshold))
            throw new ArgumentOutOfRangeException(nameof(confidenceThreshold), confidenceThreshold, "train.conf_thresh must be a number");
        _student = student;
        _teacher = new EmaTeacher(student, teacher, emaDecay);
        _threshold = LongLivedScalars.Of(confidenceThreshold);
        _contrast = contrast.Validated();
        TrainedNetworks = [new NamedNetwork("model", student)];
        CheckpointedNetworks = [new NamedNetwork("model", student), new NamedNetwork("model_ema", teacher)];
    }

    public string Name => "reco";
    public AlgorithmDataNeeds DataNeeds { get; } = new(UsesUnlabeled: true, UnlabeledStrongViews: 1);
    public IReadOnlyList<NamedNetwork> TrainedNetworks { get; }
    public IReadOnlyList<NamedNetwork> CheckpointedNetworks { get; }
    public EncoderDecoder EvaluationModel => _student;

    public StepResult TrainStep(StepInput input, StepContext context)
    {
        var targets = _teacher.Probabilities(input.RequireUnlabeledWeak(Name));
        var (confidence, _) = targets.max(1);
        var mask = confidence.ge(_threshold).to(ScalarType.Float32);
        var (labeled, strong) = JointForward.RunWithLatent(_student, input.Labeled, input.UnlabeledStrong[0]);
        var latent = strong.Latent ?? throw new InvalidOperationException("reco: the student returned no latent (no latent projection)");

        var lossX = SegmentationLosses.CrossEntropy(labeled.Logits, input.Masks);
        var lossU = (SegmentationLosses.SoftCrossEntropyPerPosition(strong.Logits, targets) * mask).mean();
        var lossC = RegionalContrast.Loss(latent, targets, strong.Logits.detach().softmax(1), _contrast);
        var total = ScalarSafeArithmetic.MeanOf(lossX, lossU, lossC);
        return new StepResult([total],
        [
            new("loss_total", total.detach()), new("loss_x", lossX.detach()), new("loss_u_s", lossU.detach()),
            new("contr_loss", lossC.detach()), new("mask_ratio", mask.mean()),
        ]);
    }

    public void AfterOptimizerStep(StepContext context) => _teacher.Update();

    public void Dispose()
    {
        _student.Dispose();
        _teacher.Dispose();
    }
}
