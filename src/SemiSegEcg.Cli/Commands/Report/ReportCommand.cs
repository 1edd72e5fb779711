using SemiSegEcg.Experiments.Reporting;
using SemiSegEcg.IO;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Report;

/// <summary>Collects every tested run under a root into the paper-style tables (console, report.md, report.csv) and mIoU-vs-ratio plots.</summary>
public sealed class ReportCommand : Command<ReportSettings>
{
    public const string MarkdownFile = "report.md";
    public const string CsvFile = "report.csv";

    /// <summary>The default baseline is used when the runs have it; a baseline the user named must be there.</summary>
    private static BaselineComparison? Comparison(ResultTable table, string? baseline)
    {
        if (baseline is null) return BaselineComparison.Build(table);
        return BaselineComparison.Build(table, baseline) ?? throw new ArgumentException(
            $"--baseline {baseline}: no backbone has both '{baseline}' runs and runs of another method; the methods here are "
            + string.Join(", ", table.Rows.Select(r => r.Algorithm).Distinct()));
    }

    private static string ReadInto(string file) =>
        File.Exists(file) ? File.ReadAllText(file) : throw new FileNotFoundException($"--into {file}: no such file (it must exist and hold the report markers)");

    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        var runs = RunCollector.Collect(settings.RunRoot, warnings);
        Warnings.Print(warnings);
        if (runs.Count == 0)
            throw new InvalidDataException(warnings.Count == 0
                ? $"{settings.RunRoot}: no tested runs found (folders holding config.yaml and test_outputs.npy or evaluation.json)"
                : $"{settings.RunRoot}: none of the tested runs could be read (see the warnings above)");
        cancellationToken.ThrowIfCancellationRequested();

        var table = ResultTable.Build(ComparableRuns.Select(runs, settings.Epochs, settings.TestSamples));
        var comparison = Comparison(table, settings.Baseline);
        ReportTables.Print(table, comparison);

        // Checked before anything is written, so a wrong --into leaves the report folder as it was.
        string? embedded = settings.Into is null ? null
            : EmbeddedTables.Replace(ReadInto(settings.Into), EmbeddedTables.Render(table, comparison), settings.Into);

        string output = settings.Out ?? settings.RunRoot;
        Directory.CreateDirectory(output);
        var plots = new List<string>();
        foreach (string dataset in RatioPlot.PlottableDatasets(table))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string file = RatioPlot.FileName(dataset);
            RatioPlot.Save(Path.Combine(output, file), table, dataset);
            plots.Add(file);
        }
        AtomicFile.WriteAllText(Path.Combine(output, MarkdownFile), MarkdownReport.Render(table, settings.RunRoot, plots, comparison));
        AtomicFile.WriteAllText(Path.Combine(output, CsvFile), CsvReport.Render(table));
        AnsiConsole.MarkupLineInterpolated($"[green]wrote[/] {Path.Combine(output, MarkdownFile)}, {CsvFile}{(plots.Count > 0 ? ", " + string.Join(", ", plots) : "")}");
        if (embedded is not null)
        {
            AtomicFile.WriteAllText(settings.Into!, embedded);
            AnsiConsole.MarkupLineInterpolated($"[green]updated[/] the tables in {settings.Into}");
        }
        return 0;
    }
}
