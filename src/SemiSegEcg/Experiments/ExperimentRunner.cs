using System.Globalization;
using SemiSegEcg.Algorithms;
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
    public static TrainingOutcome Train(LoadedConfig loaded, ITrainingObserver observer, CancellationToken cancellation = default,
        ICollection<string>? warnings = null, bool thenTest = true)
    {
        var config = loaded.Config;
        var paths = loaded.ResolveDatasetPaths();
        var run = new RunDirectory(config.RunDirectory);
        string yaml = ConfigWriter.ToYaml(loaded.WithResolvedDatasetPaths(paths).Node);
        // A resume checkpoint is checked before anything is written, so a bad one leaves the run folder as it was.
        var resumed = config.Resume is string resume ? CheckpointStore.VerifyResumable(resume) : null;
        // Every index is checked before the run folder is written, the test index too: it is read only after training.
        paths.RequireIndexFiles(training: true, unlabeled: ExperimentData.ReadsUnlabeled(config), testing: thenTest && config.Test is not null);

        random.manual_seed(config.Seed);
        if (config.Algorithm.Entry == StPlusPlus.Entry)
        {
            WriteConfig(run, yaml);
            return StPlusPlusRun.Train(loaded, yaml, paths, observer, cancellation, warnings);
        }
        using var algorithm = config.Algorithm.Create(() => ExperimentModels.Create(config));
        resumed?.RequireAlgorithm(algorithm.Name, config.Resume!);
        WriteConfig(run, yaml);
        var data = ExperimentData.LoadTraining(loaded, paths, algorithm.DataNeeds, warnings, observer.OnMessage);
        var trainer = new Trainer(TrainerSettings.From(config), algorithm, data, run, yaml, observer);
        return trainer.Fit(cancellation);
    }

    private static void WriteConfig(RunDirectory run, string yaml)
    {
        run.Create();
        AtomicFile.WriteAllText(run.ConfigFile, yaml);
    }

    /// <summary>
    /// Evaluates <c>best-MeanIoU</c> (or <c>test.model_path</c>: one of our <c>.ckpt</c> files or an original PyTorch
    /// <c>.pth</c>) on the test split and writes <c>test_metrics.csv</c>, <c>test_outputs.npy</c>, <c>test_labels.npy</c>.
    /// </summary>
    public static TestOutcome Test(LoadedConfig loaded, IProgress<int>? progress = null, CancellationToken cancellation = default,
        ICollection<string>? warnings = null)
    {
        var config = loaded.Config;
        var paths = loaded.ResolveDatasetPaths();
        var run = new RunDirectory(config.RunDirectory);
        string modelPath = config.Test?.ModelPath ?? run.Checkpoint(RunDirectory.BestMeanIou);
        string testIndex = paths.TestIndex ?? throw new ConfigException("test needs dataset.test_csv", config.ConfigPath, "dataset.test_csv");
        paths.RequireIndexFiles(training: false, unlabeled: false, testing: true);

        using var model = ExperimentModels.Create(config);
        LoadWeights(model, modelPath);
        var samples = ExperimentData.LoadSplit(config, paths, testIndex, labeled: true, ExperimentData.Preprocessing(config), warnings);
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
