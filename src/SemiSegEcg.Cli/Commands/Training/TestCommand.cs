using SemiSegEcg.Config;
using SemiSegEcg.Cli.Commands.Evaluation;
using SemiSegEcg.Experiments;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Training;

public sealed class TestCommand : Command<TestSettings>
{
    public override int Execute(CommandContext context, TestSettings settings, CancellationToken cancellationToken)
    {
        RunAndPrint(settings.Load(), cancellationToken);
        return 0;
    }

    public static void RunAndPrint(LoadedConfig loaded, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var outcome = ConsoleProgress.Run(ctx =>
        {
            var task = ctx.AddTask("testing");
            return ExperimentRunner.Test(loaded, new Progress<int>(n => task.Value = n), cancellationToken, warnings);
        });
        Warnings.Print(warnings);
        AnsiConsole.MarkupLineInterpolated($"[green]tested[/] {outcome.ModelPath} on {outcome.SampleCount} samples: MeanIoU {outcome.MeanIou:0.0000}, loss {outcome.Loss:0.0000}");
        EvaluationTable.Print([(outcome.RunDirectory, outcome.Report)]);
    }
}
