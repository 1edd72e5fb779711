using System.Diagnostics;
using SemiSegEcg.Data.Prepare;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Data;

public sealed class DataPrepareCommand : Command<DataPrepareSettings>
{
    public override int Execute(CommandContext context, DataPrepareSettings settings, CancellationToken cancellationToken)
    {
        var mask = new MaskOptions(settings.OffsetRule, settings.Unannotated, settings.MissingOnset, settings.UnannotatedSignal);
        var inputs = new PrepareInputs(settings.Raw, settings.Signals, settings.Labels, settings.RawSignals, settings.Records, settings.Out,
            mask, settings.KeepIncomplete);
        // Validate() has refused a name the catalog does not know.
        IDatabasePreparer preparer = settings.Entry!.Create(inputs);

        var clock = Stopwatch.StartNew();
        var summary = ConsoleProgress.Run(ctx =>
        {
            var task = ctx.AddTask($"{preparer.Database}: {preparer.RecordCount} records", maxValue: preparer.RecordCount);
            return DatabasePreparation.Run(preparer, settings.Out, settings.Seed, new SyncProgress(task, cancellationToken),
                settings.LabelDraws, settings.Tiny);
        });

        PrepareReport.Print(summary);
        if (settings.Tiny)
            AnsiConsole.MarkupLineInterpolated($"wrote TINY_train_labeled.csv, TINY_train_unlabeled.csv, TINY_valid.csv, TINY_test.csv ({DatabasePreparation.TinySamples} samples each) in {Path.Combine(summary.OutputRoot, "index")}");
        AnsiConsole.MarkupLineInterpolated($"[green]done[/] in {clock.Elapsed.TotalSeconds:0.0} s → {summary.OutputRoot}");
        return 0;
    }

    /// <summary>Reports progress on the calling thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress(ProgressTask task, CancellationToken cancellation) : IProgress<int>
    {
        public void Report(int value)
        {
            cancellation.ThrowIfCancellationRequested();
            task.Value = value;
        }
    }
}
