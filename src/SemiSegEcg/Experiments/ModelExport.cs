using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;

namespace SemiSegEcg.Experiments;

/// <summary>
/// Writes the compact model file a trained network ships as: one of our checkpoints holding the evaluated network only
/// (no optimizer or generator state), its config and the preprocessing it was trained with, its floating-point weights
/// optionally stored as fp16. <see cref="TrainedModel.Load"/> reads it like any checkpoint and computes in fp32.
/// </summary>
public static class ModelExport
{
    /// <param name="runOrCheckpoint">A run folder (its best-MeanIoU.ckpt, else last.ckpt) or one of our <c>.ckpt</c> files.</param>
    /// <param name="outPath">The model file to write (replaced atomically).</param>
    /// <param name="halfPrecision">Store floating-point weights as fp16 (half the size; loading converts them back to fp32).</param>
    /// <returns>The checkpoint the weights were taken from.</returns>
    /// <exception cref="InvalidDataException">The source is a PyTorch <c>.pth</c> (it carries no config or metadata to export).</exception>
    public static string Export(string runOrCheckpoint, string outPath, bool halfPrecision)
    {
        ArgumentNullException.ThrowIfNull(runOrCheckpoint);
        ArgumentNullException.ThrowIfNull(outPath);
        if (File.Exists(runOrCheckpoint) && !runOrCheckpoint.EndsWith(RunDirectory.CheckpointExtension, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{runOrCheckpoint}: only our .ckpt checkpoints (or run folders) carry the config a model file needs");
        using var trained = TrainedModel.Load(runOrCheckpoint);
        string source = trained.CheckpointPath;
        var metadata = CheckpointStore.ReadMetadata(source) with
        {
            Networks = ["model"],
            SavedAt = DateTimeOffset.UtcNow,
            // The stored config says what the network was trained with when an older checkpoint stores no preprocessing.
            Preprocessing = ExperimentData.Preprocessing(trained.Config.Config),
        };
        string configYaml = CheckpointStore.ReadConfig(source);
        if (halfPrecision) trained.Model.to(ScalarType.Float16);
        CheckpointStore.Save(outPath, metadata, configYaml, [("model", trained.Model)], [], weightsOnly: true);
        return source;
    }
}
