namespace SemiSegEcg.Algorithms.Catalog;

/// <summary>
/// Where one stage of a method's training runs: a full run of the shared trainer, in its own folder, its checkpoints
/// marked with its name. Most methods train in one stage, <see cref="InRunFolder"/>; ST++ declares three. Resume and the
/// sweep read this layout to tell a run's progress without knowing the method.
/// </summary>
/// <param name="Name">Recorded in the stage's checkpoints (<c>stage1</c>); null for a method that trains in one stage.</param>
/// <param name="Folder">Folder under the run folder; null for the run folder itself, where the last stage trains (test reads it).</param>
public record TrainingStage(string? Name, string? Folder)
{
    /// <summary>The one stage of a method that does not train in stages.</summary>
    public static TrainingStage InRunFolder { get; } = new(null, null);
}
