using System.Text.Json.Serialization;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Training.Checkpoints;

/// <summary>The non-tensor part of a checkpoint (<c>meta.json</c>).</summary>
/// <param name="Epoch">Last completed epoch (0-based); a resume starts at Epoch + 1.</param>
/// <param name="Metrics">Validation metrics of that epoch (<c>loss</c>, <c>MeanIoU</c>, <c>mIoU_pooled</c>).</param>
/// <param name="BestLoss">Best validation loss so far, for best-checkpoint selection after a resume.</param>
/// <param name="BestMeanIou">Best validation MeanIoU so far.</param>
/// <param name="Networks">Checkpoint keys of the stored networks (<c>model</c>, <c>model_ema</c>, ...).</param>
/// <param name="OptimizerCount">Number of stored optimizer states.</param>
/// <param name="Stage">Stage of a multi-stage method (ST++), or null.</param>
/// <param name="WeightsOnly">
/// The networks only, no optimizer or generator state: what best checkpoints keep by default (a run resumes from
/// <c>last.ckpt</c>; testing and delineation need only weights). False in checkpoints written before it existed.
/// </param>
/// <param name="StoppedEarly">
/// Training ended after this epoch because <c>train.early_stop_patience</c> epochs passed without a better validation
/// MeanIoU: the run is complete although <paramref name="Epoch"/> is below the budget.
/// </param>
/// <param name="Preprocessing">
/// What the networks' inputs were made of (length, rate, filters, normalisation, leads): delineation and inference
/// build theirs from it. Null in checkpoints written before it was stored.
/// </param>
public sealed record CheckpointMetadata(
    int FormatVersion,
    string Algorithm,
    int Epoch,
    IReadOnlyDictionary<string, double> Metrics,
    double BestLoss,
    double BestMeanIou,
    IReadOnlyList<string> Networks,
    int OptimizerCount,
    string? Stage,
    DateTimeOffset SavedAt,
    bool WeightsOnly = false,
    bool StoppedEarly = false,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Preprocessing? Preprocessing = null)
{
    public const int CurrentFormat = 1;

    /// <summary>Whether no epoch is left to train of a budget of <paramref name="epochs"/>: all done, or stopped early.</summary>
    public bool CompletesTraining(int epochs) => StoppedEarly || Epoch >= epochs - 1;

    /// <exception cref="InvalidDataException">The checkpoint at <paramref name="path"/> was written by another method.</exception>
    public void RequireAlgorithm(string algorithm, string path)
    {
        if (Algorithm != algorithm)
            throw new InvalidDataException($"{path}: checkpoint of '{Algorithm}' cannot resume a '{algorithm}' run");
    }

    /// <summary>Refuses to go on training with other preprocessing than the stored one (checkpoints that store none are not checked).</summary>
    /// <exception cref="InvalidDataException">Naming the checkpoint, the config key and both values.</exception>
    public void RequirePreprocessing(Preprocessing configured, string path)
    {
        if (Preprocessing?.FirstDifference(configured) is { } difference)
            throw new InvalidDataException($"{path}: the networks were trained with {difference.These} but {difference.ConfigKey} now gives {difference.Other}; resume with the preprocessing the run started with");
    }
}
