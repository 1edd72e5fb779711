using SemiSegEcg.Config;
using SemiSegEcg.Delineation;
using SemiSegEcg.Inference;
using SemiSegEcg.Models;
using SemiSegEcg.Signal;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments;

/// <summary>A trained network ready for inference, and where it came from.</summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(EncoderDecoder model, LoadedConfig config, string checkpointPath, ModelPreprocessing preprocessing)
    {
        Model = model;
        Config = config;
        CheckpointPath = checkpointPath;
        Preprocessing = preprocessing.Settings;
        PreprocessingNotice = preprocessing.AssumedNotice;
    }

    /// <summary>The name of the model file embedded in this assembly (<c>models/delineator.ckpt</c> of the repository).</summary>
    public const string BundledResourceName = "SemiSegEcg.delineator.ckpt";

    /// <summary>How <see cref="CheckpointPath"/> names the bundled model, which has no path of its own.</summary>
    public const string BundledModelName = "bundled models/delineator.ckpt";

    public EncoderDecoder Model { get; }
    public LoadedConfig Config { get; }

    /// <summary>The checkpoint loaded, or <see cref="BundledModelName"/> for <see cref="LoadDefault"/>'s model.</summary>
    public string CheckpointPath { get; private init; }

    /// <summary>Whether this is the model shipped inside the library (<see cref="LoadDefault"/>).</summary>
    public bool IsBundled { get; private init; }

    /// <summary>What the model was trained with (stored in its checkpoint, or the shipped defaults for older ones).</summary>
    public Preprocessing Preprocessing { get; }

    /// <summary>Say this once to the user: the checkpoint stores no preprocessing and the shipped defaults are assumed; null otherwise.</summary>
    public string? PreprocessingNotice { get; }

    /// <summary>A delineator that feeds the model what it was trained with (<paramref name="options"/>' windowing preprocessing is replaced).</summary>
    public Delineator CreateDelineator(DelineationOptions? options = null)
    {
        options ??= new DelineationOptions();
        return new Delineator(ModelPredictor.For(Model), options with { Windowing = options.Windowing with { Preprocessing = Preprocessing } });
    }

    /// <summary>
    /// Loads from a run folder (its <c>best-MeanIoU.ckpt</c>, else <c>last.ckpt</c>), one of our checkpoints (which
    /// carries its config), or an original PyTorch <c>.pth</c> together with <paramref name="configPath"/>.
    /// </summary>
    /// <param name="device">Where to run (default CPU, whatever device the model was trained on).</param>
    /// <exception cref="ConfigException">The config's preprocessing (given, or stored in the checkpoint) contradicts the model's.</exception>
    public static TrainedModel Load(string runOrCheckpoint, string? configPath = null, DeviceKind device = DeviceKind.Cpu)
    {
        string checkpoint = runOrCheckpoint;
        if (Directory.Exists(runOrCheckpoint))
        {
            var run = new RunDirectory(runOrCheckpoint);
            checkpoint = new[] { run.Checkpoint(RunDirectory.BestMeanIou), run.Checkpoint(RunDirectory.Last) }.FirstOrDefault(File.Exists)
                ?? throw new FileNotFoundException($"{runOrCheckpoint}: no best-MeanIoU.ckpt or last.ckpt in this run folder (has it trained?)");
        }
        else if (!File.Exists(checkpoint))
        {
            throw new FileNotFoundException($"{checkpoint}: model not found (give a run folder, a .ckpt file, or a PyTorch .pth with --config)", checkpoint);
        }

        bool ours = checkpoint.EndsWith(RunDirectory.CheckpointExtension, StringComparison.OrdinalIgnoreCase);
        LoadedConfig config = configPath is not null
            ? ConfigLoader.Load(configPath)
            : ours
                ? ConfigLoader.FromNode(ConfigReader.Parse(CheckpointStore.ReadConfig(checkpoint), $"{checkpoint}!config.yaml"))
                : throw new ConfigException($"{checkpoint}: a PyTorch checkpoint carries no usable config; pass --config <base config of that model>", checkpoint);
        var preprocessing = ModelPreprocessing.Of(checkpoint);
        preprocessing.RequireMatch(ExperimentData.Preprocessing(config.Config), checkpoint, configPath ?? $"{checkpoint}!config.yaml");
        var model = ExperimentModels.Create(config.Config with { Device = device });
        try
        {
            ExperimentRunner.LoadWeights(model, checkpoint);
            model.eval();
            return new TrainedModel(model, config, checkpoint, preprocessing);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Loads the delineation model shipped inside this assembly (no file or download needed; see MODEL.md of the
    /// repository for its training data, metrics and known failure modes), on the CPU.
    /// </summary>
    public static TrainedModel LoadDefault()
    {
        using var resource = typeof(TrainedModel).Assembly.GetManifestResourceStream(BundledResourceName)
            ?? throw new InvalidOperationException($"this build of SemiSegEcg carries no bundled model (resource {BundledResourceName})");
        // Checkpoints are read as zip files from a path: the embedded one is copied out for the load and removed at once.
        string file = Path.Combine(Path.GetTempPath(), $"semiseg-bundled-{Environment.ProcessId}-{Guid.NewGuid():N}{RunDirectory.CheckpointExtension}");
        try
        {
            using (var copy = File.Create(file)) resource.CopyTo(copy);
            var trained = Load(file);
            return new TrainedModel(trained.Model, trained.Config, BundledModelName, new ModelPreprocessing(trained.Preprocessing, null))
            {
                CheckpointPath = BundledModelName,
                IsBundled = true,
            };
        }
        finally
        {
            File.Delete(file);
        }
    }

    public void Dispose() => Model.Dispose();
}
