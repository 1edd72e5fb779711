using SemiSegEcg.Experiments;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Delineation;

/// <summary>Loads the model a delineation command runs, and says which one it is and how it preprocesses its input.</summary>
internal static class DelineationModel
{
    /// <param name="model">A run folder, checkpoint or .pth; empty for the model bundled with the library.</param>
    public static TrainedModel Load(string model, string? config)
    {
        var trained = string.IsNullOrWhiteSpace(model) ? TrainedModel.LoadDefault() : TrainedModel.Load(model, config);
        AnsiConsole.MarkupLineInterpolated($"[grey]model {trained.CheckpointPath} ({trained.Config.Config.Backbone.Name} + {trained.Config.Config.DecodeHead.Name}; {trained.Preprocessing.Describe()})[/]");
        if (trained.PreprocessingNotice is string notice) AnsiConsole.MarkupLineInterpolated($"[yellow]{notice}[/]");
        return trained;
    }
}
