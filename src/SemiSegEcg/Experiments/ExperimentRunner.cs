using System.Globalization;
using SemiSegEcg.Algorithms.Catalog;
using SemiSegEcg.Config;
using SemiSegEcg.Data;
using SemiSegEcg.Evaluation;
using SemiSegEcg.Inference;
using SemiSegEcg.IO;
using SemiSegEcg.Models;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using static TorchSharp.torch;

namespace SemiSegEcg.Experiments;

/// <summary>Composition root of <c>train</c> and <c>test</c>: config → data, model, method, trainer; checkpoint → test files.</summary>
public static class ExperimentRunner
{
    /// <param name="thenTest">Whether the caller tests after training: the test index is then checked up front too.</param>
    /// <remarks>
    /// Every method trains through the same path: the stages its catalog entry declares (one, in the run folder, unless
    /// it declares more), each a full run of the shared trainer. With <c>--resume</c>, a stage resumes from that checkpoint
    /// when it is the stage's, else from its own <c>last.ckpt</c>; a finished stage before the last is skipped.
    /// </remarks>
    public static TrainingOutcome Train(LoadedConfig loaded, ITrainingObserver observer, CancellationToken cancellation = default,
        ICollection<string>? warnings = null, bool thenTest = true)
    {
        var config = loaded.Config;
        var method = config.Algorithm;
        var stages = method.Entry.StageLayout;
        var paths = loaded.ResolveDatasetPaths();
        var run = new RunDirectory(config.RunDirectory);
        string yaml = ConfigWriter.ToYaml(loaded.WithResolvedDatasetPaths(paths).Node);
        // A resume checkpoint is checked before anything is written, so a bad one leaves the run folder as it was.
        var resumed = config.Resume is string resume ? CheckpointStore.VerifyResumable(resume) : null;
        resumed?.RequirePreprocessing(ExperimentData.Preprocessing(config), config.Resume!);
        if (resumed is not null && !stages.Any(s => s.Name == resumed.Stage))
        {
            string stage = resumed.Stage is null ? "" : $" ({resumed.Stage})";
            throw new InvalidDataException($"{config.Resume}: checkpoint of '{resumed.Algorithm}'{stage} cannot resume a '{method.Name}' run");
        }
        // Every index is checked before the run folder is written, the test index too: it is read only after training.
        paths.RequireIndexFiles(training: true, unlabeled: ExperimentData.ReadsUnlabeled(config), testing: thenTest && config.Test is not null);
        using var networks = TrainableNetworks.Create(loaded, observer.OnMessage);

        random.manual_seed(config.Seed);
        var data = ExperimentData.LoadTraining(loaded, paths, method.Entry.DataNeeds, warnings, observer.OnMessage);
        var context = new RunStageContext(config, run, data, networks.New, observer, cancellation);
        bool configWritten = false;
        TrainingOutcome? outcome = null;
        for (int i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var dir = RunStageContext.DirectoryOf(run, stage);
            string? checkpoint = ResumeCheckpoint(config.Resume, resumed, stage, dir);
            if (i < stages.Count - 1 && checkpoint is not null && CheckpointStore.ReadMetadata(checkpoint).CompletesTraining(config.Train.Epochs))
            {
                observer.OnMessage($"{stage.Name} already complete ({checkpoint}); skipped");
                continue;
            }

            var setup = method.PrepareStage(i, context);
            using var algorithm = setup.Algorithm;
            if (checkpoint is not null && checkpoint == config.Resume) resumed!.RequireAlgorithm(algorithm.Name, checkpoint);
            if (!configWritten) WriteConfig(run, yaml);
            configWritten = true;
            var settings = TrainerSettings.From(config) with
            {
                Stage = stage.Name,
                ResumePath = checkpoint,
                ExtraCheckpointEpochs = setup.KeepCheckpointsAfterEpochs ?? [],
                StepMatched = setup.StepMatched ?? config.Train.StepMatched,
            };
            var stageData = setup.Unlabeled is null ? data : data with { Unlabeled = setup.Unlabeled };
            outcome = new Trainer(settings, algorithm, stageData, dir, yaml, observer).Fit(cancellation);
        }
        // The last stage is never skipped (a finished one trains no further epoch), so it always leaves an outcome.
        return outcome!;
    }

    /// <summary>
    /// The checkpoint a stage resumes from: the <c>--resume</c> one when it is this stage's, else the stage's own
    /// <c>last.ckpt</c> when there is one of this stage; null when the run is not resumed or the stage has not started.
    /// </summary>
    private static string? ResumeCheckpoint(string? resume, CheckpointMetadata? resumed, TrainingStage stage, RunDirectory dir)
    {
        if (resume is null || resumed is null) return null;
        if (resumed.Stage == stage.Name) return resume;
        string last = dir.Checkpoint(RunDirectory.Last);
        return File.Exists(last) && CheckpointStore.ReadMetadata(last).Stage == stage.Name ? last : null;
    }

    private static void WriteConfig(RunDirectory run, string yaml)
    {
        run.Create();
        AtomicFile.WriteAllText(run.ConfigFile, yaml);
    }

    /// <summary>
    /// Evaluates <c>best-&lt;test.target_metric&gt;</c>, <c>best-MeanIoU</c> by default (or <c>test.model_path</c>: one
    /// of our <c>.ckpt</c> files or an original PyTorch <c>.pth</c>) on the test split and writes <c>test_metrics.csv</c>,
    /// <c>test_outputs.npy</c>, <c>test_labels.npy</c>.
    /// </summary>
    public static TestOutcome Test(LoadedConfig loaded, IProgress<int>? progress = null, CancellationToken cancellation = default,
        ICollection<string>? warnings = null)
    {
        var config = loaded.Config;
        var paths = loaded.ResolveDatasetPaths();
        var run = new RunDirectory(config.RunDirectory);
        string modelPath = config.Test?.ModelPath ?? run.Checkpoint(RunDirectory.BestOf(config.Test?.TargetMetric ?? new TestConfig().TargetMetric));
        string testIndex = paths.TestIndex ?? throw new ConfigException("test needs dataset.test_csv", config.ConfigPath, "dataset.test_csv");
        paths.RequireIndexFiles(training: false, unlabeled: false, testing: true);

        using var model = ExperimentModels.Create(config);
        LoadWeights(model, modelPath);
        var preprocessing = ExperimentData.Preprocessing(config);
        var trainedWith = ModelPreprocessing.Of(modelPath);
        trainedWith.RequireMatch(preprocessing, modelPath, config.ConfigPath);
        if (trainedWith.AssumedNotice is string notice) warnings?.Add(notice);
        var samples = ExperimentData.LoadSplit(config, paths, testIndex, labeled: true, preprocessing, warnings);
        var result = EvaluationPass.Run(model, samples, config.Dataloader.BatchSize, keepProbabilities: true, progress, cancellation);

        run.Create();
        int n = samples.Count, t = samples[0].Signal.Length, c = WaveLabels.ClassCount;
        NpyFile.Write(run.TestOutputsFile, result.Probabilities!, [n, c, t]);
        NpyFile.Write(run.TestLabelsFile, OneHot(samples.Select(s => s.Label!).ToList(), t), [n, c, t]);
        AtomicFile.WriteAllText(run.TestMetricsFile, string.Create(CultureInfo.InvariantCulture,
            $"MeanIoU,loss\n{result.MeanIou:0.0000},{result.MeanLoss:0.0000}\n"));
        var report = EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(run.Path));
        return new TestOutcome(modelPath, n, result.MeanIou, result.MeanLoss, report, run.Path);
    }

    /// <summary>Our checkpoints hold the evaluated network under <c>model</c>; anything else is read as a PyTorch state dict.</summary>
    public static void LoadWeights(EncoderDecoder model, string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: model file not found (train first, or pass --model_path)", path);
        if (path.EndsWith(RunDirectory.CheckpointExtension, StringComparison.OrdinalIgnoreCase))
            CheckpointStore.LoadNetworks(path, [("model", model)]);
        else
            CheckpointImporter.LoadPyTorchStateDict(model, path);
    }

    /// <summary>One-hot (N, C, T) int64 truth, with all-zero rows where the mask is 255 (ignored).</summary>
    private static long[] OneHot(IReadOnlyList<byte[]> labels, int length)
    {
        const int classes = WaveLabels.ClassCount;
        var oneHot = new long[(long)labels.Count * classes * length];
        for (int i = 0; i < labels.Count; i++)
        {
            for (int k = 0; k < length; k++)
            {
                byte v = labels[i][k];
                if (v < classes) oneHot[((long)i * classes + v) * length + k] = 1;
            }
        }
        return oneHot;
    }
}
