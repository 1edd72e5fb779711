using System.Globalization;
using SemiSegEcg.Cli.Commands.Evaluation;
using SemiSegEcg.Cli.Commands.Training;
using SemiSegEcg.Config;
using SemiSegEcg.Delineation;
using SemiSegEcg.Experiments.Demo;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Demo;

/// <summary>
/// The first command to run: trains a small delineator on synthetic ECGs (no download; LUDB when prepared data is
/// present), tests it, and delineates a held-out record next to its true delineation.
/// </summary>
public sealed class DemoCommand : Command<DemoSettings>
{
    public override int Execute(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Threads is int n) TorchSharp.torch.set_num_threads(n);
        string? dataRoot = settings.DataRoot ?? Environment.GetEnvironmentVariable(DatasetPaths.DataRootEnvironmentVariable);
        var options = new DemoOptions(settings.Out, dataRoot, ConfigsFolder(), settings.Records, settings.Epochs);
        AnsiConsole.Write(new Rule("[bold]SemiSegECG demo[/]").LeftJustified());
        var outcome = ConsoleProgress.Run(ctx => DemoRunner.Run(options, new ConsoleTrainingObserver(ctx), cancellationToken));

        AnsiConsole.MarkupLineInterpolated($"\n[bold]test split ({outcome.DataSource}, {outcome.Test.SampleCount} single-lead samples)[/]");
        string runDirectory = DisplayPath.AsTyped(outcome.RunDirectory);
        EvaluationTable.Print([(runDirectory, outcome.Test.Report)]);
        PrintComparison(outcome);
        AnsiConsole.MarkupLineInterpolated($"[green]plot[/] {DisplayPath.AsTyped(outcome.PlotPath)}");
        AnsiConsole.MarkupLineInterpolated($"[grey]also written: {string.Join(", ", outcome.WrittenFiles.Select(Path.GetFileName))}; model in {runDirectory}[/]");
        AnsiConsole.MarkupLineInterpolated($"[grey]next: semiseg delineate --model {runDirectory} <your recording> --plot[/]");
        return 0;
    }

    private static void PrintComparison(DemoOutcome outcome)
    {
        var table = new Table().RoundedBorder().Title($"held-out record {outcome.RecordName}: medians (ms, bpm)");
        table.AddColumn("");
        foreach (string h in new[] { "beats", "HR", "PR", "QRS", "QT", "QTc Bazett" }) table.AddColumn(new TableColumn(h).RightAligned());
        void Row(string name, RecordSummary s) => table.AddRow(name, s.BeatCount.ToString(CultureInfo.InvariantCulture),
            F(s.HeartRateBpm), F(s.PrMs), F(s.QrsMs), F(s.QtMs), F(s.QtcBazettMs));
        Row("true delineation", outcome.Reference.Summary);
        Row("model", outcome.Predicted.Summary);
        AnsiConsole.Write(table);
    }

    private static string F(double? v) => v is double d ? d.ToString("0", CultureInfo.InvariantCulture) : "–";

    /// <summary>The repository's configs/ when run from a checkout, else the copy shipped next to the executable.</summary>
    public static string ConfigsFolder()
    {
        string local = Path.Combine(Directory.GetCurrentDirectory(), "configs");
        return Directory.Exists(Path.Combine(local, "demo")) ? local : Path.Combine(AppContext.BaseDirectory, "configs");
    }
}
