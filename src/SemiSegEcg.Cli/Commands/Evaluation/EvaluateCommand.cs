using System.Globalization;
using System.Text;
using SemiSegEcg.Evaluation;
using SemiSegEcg.IO;
using Spectre.Console.Cli;

namespace SemiSegEcg.Cli.Commands.Evaluation;

public sealed class EvaluateCommand : Command<EvaluateSettings>
{
    public override int Execute(CommandContext context, EvaluateSettings settings, CancellationToken cancellationToken)
    {
        var rows = new List<(string, EvaluationReport)>();
        foreach (string dir in settings.RunDirectories)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: run folder not found");
            RequireRunFolder(dir);
            rows.Add((dir, EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(dir), settings.SamplingRateHz)));
        }
        EvaluationTable.Print(rows);
        if (settings.Csv is string csv) AtomicFile.WriteAllText(csv, ToCsv(rows));
        return 0;
    }

    /// <summary>A folder without test outputs is most often a parent of runs: say what a run folder is and what to use.</summary>
    private static void RequireRunFolder(string dir)
    {
        if (File.Exists(Path.Combine(dir, TestOutputsReader.OutputsFileName))) return;
        int runsBelow = Directory.EnumerateFiles(dir, TestOutputsReader.OutputsFileName, SearchOption.AllDirectories).Take(1000).Count();
        string below = runsBelow > 0
            ? $"; it holds {runsBelow}{(runsBelow == 1000 ? "+" : "")} tested run(s) below it: pass those folders, or tabulate them all with `semiseg report {dir}`"
            : "; train and test a run first (semiseg train), or pass the folder a run wrote";
        throw new FileNotFoundException($"{dir}: not a run folder (a run folder holds {TestOutputsReader.OutputsFileName} and {TestOutputsReader.LabelsFileName}, written by semiseg train/test){below}");
    }

    private static string ToCsv(IReadOnlyList<(string Run, EvaluationReport Report)> rows)
    {
        var names = rows[0].Report.ToNamedMetrics().Select(m => m.Name).ToList();
        var text = new StringBuilder("run," + string.Join(",", names) + "\n");
        foreach (var (run, report) in rows)
        {
            text.Append('"').Append(run.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            foreach (var metric in report.ToNamedMetrics())
                text.Append(',').Append(metric.Value.ToString("R", CultureInfo.InvariantCulture));
            text.Append('\n');
        }
        return text.ToString();
    }
}
