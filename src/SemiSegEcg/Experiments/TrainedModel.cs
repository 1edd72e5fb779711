using SemiSegEcg.Config;
using SemiSegEcg.Models;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments;

/// <summary>A trained network ready for inference, and where it came from.</summary>
public sealed class TrainedModel : IDisposable
{
    private TrainedModel(EncoderDecoder model, LoadedConfig config, string checkpointPath)
    {
        Model = model;
        Config = config;
        CheckpointPath = checkpointPath;
    }

    public EncoderDecoder Model { get; }
    public LoadedConfig Config { get; }
    public string CheckpointPath { get; }

    /// <summary>
    /// Loads from a run folder (its <c>best-MeanIoU.ckpt</c>, else <c>last.ckpt</c>), one of our checkpoints (which
    /// carries its config), or an original PyTorch <c>.pth</c> together with <paramref name="configPath"/>.
    /// </summary>
    /// <param name="device">Where to run (default CPU, whatever device the model was trained on).</param>
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
        var model = ExperimentModels.Create(config.Config with { Device = device });
        try
        {
            ExperimentRunner.LoadWeights(model, checkpoint);
            model.eval();
            return new TrainedModel(model, config, checkpoint);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    public void Dispose() => Model.Dispose();
}
