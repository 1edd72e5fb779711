using System.Diagnostics;
using SemiSegEcg.Data.Prepare;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Data;

public sealed class DataMergeCommand : Command<DataMergeSettings>
{
    public override int Execute(CommandContext context, DataMergeSettings settings, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var clock = Stopwatch.StartNew();
        var summary = DatasetMerger.Run(settings.Databases, settings.Out, settings.Ratio);
        MergeReport.Print(summary);
        AnsiConsole.MarkupLineInterpolated($"[green]done[/] in {clock.Elapsed.TotalSeconds:0.0} s → {Path.Combine(summary.OutputRoot, "index")} (paths relative to {summary.DataRoot})");
        return 0;
    }
}
