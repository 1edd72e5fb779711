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
            rows.Add((dir, EvaluationReport.Compute(TestOutputsReader.ReadRunDirectory(dir), settings.SamplingRateHz)));
        }
        EvaluationTable.Print(rows);
        if (settings.Csv is string csv) AtomicFile.WriteAllText(csv, ToCsv(rows));
        return 0;
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
