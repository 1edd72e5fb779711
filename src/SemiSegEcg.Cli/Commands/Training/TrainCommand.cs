using SemiSegEcg.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Training;

public sealed class TrainCommand : Command<TrainSettings>
{
    public override int Execute(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var loaded = settings.Load();
        var warnings = new List<string>();
        AnsiConsole.MarkupLineInterpolated($"[bold]{loaded.Config.Algorithm}[/] · {loaded.Config.Backbone.Name} + {loaded.Config.DecodeHead.Name} → {loaded.Config.RunDirectory}");
        var outcome = ConsoleProgress.Run(ctx => ExperimentRunner.Train(loaded, new ConsoleTrainingObserver(ctx), cancellationToken, warnings,
            thenTest: !settings.NoTest));
        Warnings.Print(warnings);
        AnsiConsole.MarkupLineInterpolated($"[green]trained[/]: best valid MeanIoU {outcome.BestMeanIou:0.0000} (epoch {outcome.BestMeanIouEpoch + 1}), best valid loss {outcome.BestLoss:0.0000}");
        if (loaded.Config.Test is not null && !settings.NoTest)
            TestCommand.RunAndPrint(loaded, cancellationToken);
        return 0;
    }
}
