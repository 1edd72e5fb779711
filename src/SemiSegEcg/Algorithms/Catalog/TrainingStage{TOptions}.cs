namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>A stage as its method declares it: where it runs, and how it builds its method once the earlier stages are done.</summary>
/// <param name="Prepare">
/// Builds the stage's method (and, when the stage trains on part of the unlabeled set, that part) from the context:
/// fresh networks, the earlier stages' checkpoints, the run's data. Called only for a stage that trains.
/// </param>
public sealed record TrainingStage<TOptions>(string? Name, string? Folder, Func<StageContext, TOptions, StageSetup> Prepare)
    : TrainingStage(Name, Folder)
    where TOptions : IMethodOptions;
