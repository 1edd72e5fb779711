using SemiSegEcg.Algorithms.Catalog;

namespace SemiSegEcg.Experiments.Sweep;

/// <summary>One cell of the grid: the config pair and options of one <c>semiseg train</c> run.</summary>
/// <param name="Ratio">Labeled fraction 1/N, or null for the cross-domain dataset.</param>
/// <param name="OverrideConfigPath">The bench override (<c>configs/bench/ludb/1over16.yaml</c>).</param>
/// <param name="OutputDir"><c>&lt;root&gt;/&lt;backbone&gt;/&lt;algorithm&gt;</c>.</param>
/// <param name="ExpName"><c>&lt;dataset&gt;/1over&lt;N&gt;/seed&lt;k&gt;</c> (<c>…/1over&lt;N&gt;/draw&lt;d&gt;/seed&lt;k&gt;</c> for label draw d ≥ 1), or <c>merged/seed&lt;k&gt;</c>.</param>
/// <param name="Set">The <c>--set</c> assignments of this run (epoch budget first, then the user's, then the label draw's index).</param>
/// <param name="Epochs">The run's <c>train.epochs</c> after every override: a checkpoint of epoch <c>Epochs - 1</c> means training is done.</param>
public sealed record SweepRun(
    string Backbone,
    string Algorithm,
    string Dataset,
    int? Ratio,
    int Seed,
    string BaseConfigPath,
    string OverrideConfigPath,
    string OutputDir,
    string ExpName,
    IReadOnlyList<string> Set,
    int Epochs,
    int Draw = 0)
{
    /// <summary><c>output_dir/exp_name</c>, as the training command will create it.</summary>
    public string RunDirectory => Path.Combine(OutputDir, ExpName);

    /// <summary>The child's console output, appended per attempt.</summary>
    public string LogPath => Path.Combine(RunDirectory, "sweep.log");

    /// <summary>Short label: <c>resnet18/fixmatch ludb/1over16/seed0</c>.</summary>
    public string Name => $"{Backbone}/{Algorithm} {ExpName}";

    /// <summary>
    /// The stages the run trains, as the catalog entry whose config name is <see cref="Algorithm"/> declares them; one
    /// stage in the run folder for a config the catalog does not name.
    /// </summary>
    public IReadOnlyList<TrainingStage> Stages => MethodCatalog.FindByConfigName(Algorithm)?.StageLayout ?? [TrainingStage.InRunFolder];
}
