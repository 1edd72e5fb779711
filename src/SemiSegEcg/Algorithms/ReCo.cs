using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
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
    public static MethodEntry<Options> Entry { get; } =
        new("reco", "ReCo", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 1),
            (createModel, options) => new ReCo(createModel(), createModel(), options.EmaDecay, options.ConfThresh, options.Contrast))
        {
            NeedsLatentProjection = true,
        };

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
        _student = student;
        _teacher = new EmaTeacher(student, teacher, emaDecay);
        _threshold = LongLivedScalars.Of(confidenceThreshold);
        _contrast = contrast;
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

    /// <summary>ReCo's <c>train</c> keys (the contrastive ones are <see cref="RegionalContrastOptions"/>'s).</summary>
    public sealed record Options : IMethodOptions
    {
        /// <summary>Teacher EMA decay; the default is the original code's, the shipped configs say 0.99.</summary>
        public double EmaDecay { get; init; } = 0.999;

        /// <summary>Teacher confidence below which a position's soft target is masked.</summary>
        public double ConfThresh { get; init; } = 0.80;

        /// <summary>Teacher confidence for a position to be "valid". The original spells the key <c>eash_conf_thresh</c>.</summary>
        [ConfigAlias("eash_conf_thresh")]
        public double EasyConfThresh { get; init; } = 0.65;

        /// <summary>Student confidence below which a valid position is a "hard" query.</summary>
        public double HardConfThresh { get; init; } = 0.80;

        /// <summary>Contrastive temperature.</summary>
        public double ContrTemp { get; init; } = 0.25;

        public int ContrNumQueries { get; init; } = 256;

        public int ContrNumNegatives { get; init; } = 512;

        internal RegionalContrastOptions Contrast => new(EasyConfThresh, HardConfThresh, ContrTemp, ContrNumQueries, ContrNumNegatives);

        public void Validate(ConfigChecks check)
        {
            check.Probability("ema_decay", EmaDecay);
            check.Probability("conf_thresh", ConfThresh);
            check.Probability("easy_conf_thresh", EasyConfThresh, alias: "eash_conf_thresh");
            check.Probability("hard_conf_thresh", HardConfThresh);
            check.That("contr_temp", ContrTemp > 0 && !double.IsInfinity(ContrTemp), "must be a finite number greater than 0");
            check.AtLeast("contr_num_queries", ContrNumQueries, 1);
            check.AtLeast("contr_num_negatives", ContrNumNegatives, 1);
        }
    }
}
