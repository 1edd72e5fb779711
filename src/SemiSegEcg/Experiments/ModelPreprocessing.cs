using SemiSegEcg.Config;
using SemiSegEcg.Signal;
using SemiSegEcg.Training;
using SemiSegEcg.Training.Checkpoints;

namespace SemiSegEcg.Experiments;

/// <summary>
/// The preprocessing a trained model expects: the one its checkpoint stores, or, for checkpoints written before it was
/// stored and for the original's PyTorch <c>.pth</c> files, the shipped defaults, with a notice that says so.
/// </summary>
/// <param name="Settings">What inference and delineation feed the model.</param>
/// <param name="AssumedNotice">Null when stored; else one line naming the model and the defaults assumed.</param>
public sealed record ModelPreprocessing(Preprocessing Settings, string? AssumedNotice)
{
    /// <exception cref="InvalidDataException">The checkpoint's metadata cannot be read or its stored preprocessing is unusable.</exception>
    public static ModelPreprocessing Of(string modelPath)
    {
        var stored = modelPath.EndsWith(RunDirectory.CheckpointExtension, StringComparison.OrdinalIgnoreCase)
            ? CheckpointStore.ReadMetadata(modelPath).Preprocessing
            : null;
        return stored is not null
            ? new ModelPreprocessing(stored, null)
            : new ModelPreprocessing(Preprocessing.Shipped,
                $"{modelPath} stores no preprocessing (written before it was stored, or a PyTorch .pth): assuming the shipped {Preprocessing.Shipped.Describe()}");
    }

    /// <summary>Refuses a config whose preprocessing contradicts the model's.</summary>
    /// <param name="configured">What the config in use gives (<see cref="ExperimentData.Preprocessing"/>).</param>
    /// <param name="configSource">The config file as the user named it (or where it came from).</param>
    /// <exception cref="ConfigException">One line naming the config key and both values.</exception>
    public void RequireMatch(Preprocessing configured, string modelPath, string? configSource)
    {
        if (Settings.FirstDifference(configured) is not { } difference) return;
        string assumed = AssumedNotice is null ? "" : " (assumed: it stores no preprocessing)";
        throw new ConfigException(
            $"{configSource ?? "config"}: {difference.ConfigKey} gives {difference.Other} but the model {modelPath} was trained with {difference.These}{assumed}; use the config it was trained with",
            configSource, difference.ConfigKey);
    }
}
