using System.Globalization;
using System.Text;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Algorithms.Shared;
using SemiSegEcg.Config;
using SemiSegEcg.Data.Samples;
using SemiSegEcg.Models;
using SemiSegEcg.Tensors;
using static TorchSharp.torch;

namespace SemiSegEcg.Algorithms;

/// <summary>
/// ST++ (docs/reference/original-behaviour.md#st-stpp): three stages of the shared trainer, each <c>train.epochs</c> long. Stage 1 is the supervised
/// baseline in <c>stage1/</c>, keeping checkpoints after E/3, 2E/3 and E; every unlabeled sample is then ranked by how
/// well those checkpoints agree (<c>stage1/reliability.csv</c>); stage 2 self-trains on the reliable half in
/// <c>stage2/</c>, stage 3 on every unlabeled sample in the run folder itself (which <c>test</c> reads). With
/// <c>--resume</c>, finished stages are skipped and an unfinished one continues from its <c>last.ckpt</c>.
/// This class is the step of stages 2 and 3: a frozen teacher (the previous stage's best network, eval mode) gives
/// hard pseudo-labels (argmax, no threshold) on the weak unlabeled view; a freshly initialised student trains on the
/// labeled batch and those pseudo-labels, both views weak and in one forward; loss = (CE_sup + CE_pseudo) / 2.
/// </summary>
public sealed class StPlusPlus : ISegmentationAlgorithm
{
    private const string Stage1 = "stage1";
    private const string Stage2 = "stage2";

    /// <summary>
    /// The catalog entry: the three stages. Its factory builds the stage 2–3 step around a freshly initialised teacher
    /// (the stages give it the previous stage's best network). With <c>train.stpp_reference_selection</c> a run is
    /// reported as a method of its own.
    /// </summary>
    public static MethodEntry<Options> Entry { get; } =
        new("stpp", "ST++", new AlgorithmDataNeeds(UsesUnlabeled: true, UnlabeledStrongViews: 0),
            (createModel, _) => new StPlusPlus(createModel(), createModel()))
        {
            Variants = [new("stpp_reference", "ST++ (original selection)", (options, _) => options.StppReferenceSelection)],
            Stages =
            [
                new(Stage1, Stage1, (context, _) => SupervisedStage(context)),
                new(Stage2, Stage2, ReliableStage),
                new("stage3", null, (context, _) => FullStage(context)),
            ],
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

    /// <summary>Epochs after which stage 1 keeps its checkpoint for the ranking: E/3, 2E/3 and E (integer division, at least 1).</summary>
    private static int[] RankingEpochs(int epochs) => [Math.Max(1, epochs / 3), Math.Max(1, 2 * epochs / 3), epochs];

    private static StageSetup SupervisedStage(StageContext context)
    {
        context.Report("ST++ stage 1/3: supervised on the labeled set");
        // Stage 1 is the plain supervised baseline, also when a grid sets train.step_matched for every method.
        return new StageSetup(new Supervised(context.CreateModel()), KeepCheckpointsAfterEpochs: RankingEpochs(context.Epochs), StepMatched: false);
    }

    private static StageSetup ReliableStage(StageContext context, Options options)
    {
        var unlabeled = context.Unlabeled;
        int[] marks = RankingEpochs(context.Epochs);
        context.Report($"ST++ ranking {unlabeled.Count} unlabeled samples by the agreement of checkpoints {marks[0]} and {marks[1]} with {marks[2]}");
        var predictions = marks.Select(epoch =>
        {
            using var model = context.LoadModelAfterEpoch(Stage1, epoch);
            return context.PredictLabels(model, unlabeled);
        }).ToList();
        double[] scores = ReliabilityRanking.Scores(predictions.Take(2).ToList(), predictions[2]);
        int[] reliable = ReliabilityRanking.SelectReliable(scores, options.StppReferenceSelection);
        context.WriteFile(Stage1, "reliability.csv", ReliabilityCsv(unlabeled, scores, reliable));
        if (options.StppReferenceSelection)
            context.Report($"stpp_reference_selection: reproducing the original's bug, the reliable set is sample '{unlabeled[reliable[0]].Name}' repeated {reliable.Length} times");

        context.Report($"ST++ stage 2/3: self-training on the {reliable.Length} most reliable pseudo-labelled samples");
        var student = context.CreateModel();
        return new StageSetup(new StPlusPlus(student, context.LoadBestModel(Stage1)), Unlabeled: reliable.Select(i => unlabeled[i]).ToList(), StepMatched: false);
    }

    private static StageSetup FullStage(StageContext context)
    {
        context.Report("ST++ stage 3/3: self-training on every unlabeled sample");
        var student = context.CreateModel();
        return new StageSetup(new StPlusPlus(student, context.LoadBestModel(Stage2)), StepMatched: false);
    }

    private static string ReliabilityCsv(IReadOnlyList<EcgSample> samples, double[] scores, int[] reliable)
    {
        var rank = new Dictionary<int, int>();
        for (int r = 0; r < reliable.Length; r++) rank.TryAdd(reliable[r], r + 1);
        var text = new StringBuilder("index,waveform,reliability,reliable_rank\n");
        for (int i = 0; i < samples.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{samples[i].Name},{scores[i]:R},");
            if (rank.TryGetValue(i, out int r)) text.Append(r);
            text.Append('\n');
        }
        return text.ToString();
    }

    /// <summary>ST++'s <c>train</c> keys.</summary>
    public sealed record Options : IMethodOptions
    {
        /// <summary>Reproduce the original's broken reliable-sample selection (docs/reference/original-behaviour.md#st-stpp-selection-bug) instead of the fixed one.</summary>
        public bool StppReferenceSelection { get; init; }

        /// <summary>Accepted, never read: the original's ST++ config carries it (docs/reference/original-behaviour.md#st-stpp), so ours do too.</summary>
        public double? EmaDecay { get; init; }

        public void Validate(ConfigChecks check)
        {
        }
    }
}
