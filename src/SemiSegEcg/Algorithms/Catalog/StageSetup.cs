using SemiSegEcg.Data.Samples;

namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>What a stage trains: its method, and how its run differs from the config's.</summary>
/// <param name="Algorithm">The stage's method; the training path disposes it after the stage.</param>
/// <param name="Unlabeled">The unlabeled set of this stage when it is not the run's (ST++ stage 2: the reliable half).</param>
/// <param name="KeepCheckpointsAfterEpochs">Epochs (1-based) after which the trainer keeps <c>checkpoint-N</c> for a later stage.</param>
/// <param name="StepMatched">Overrides <c>train.step_matched</c> for this stage (ST++ stage 1 is the plain supervised baseline); null keeps the config's.</param>
public sealed record StageSetup(
    ISegmentationAlgorithm Algorithm,
    IReadOnlyList<EcgSample>? Unlabeled = null,
    IReadOnlyList<int>? KeepCheckpointsAfterEpochs = null,
    bool? StepMatched = null);
