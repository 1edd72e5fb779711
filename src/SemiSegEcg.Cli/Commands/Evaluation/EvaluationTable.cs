using System.Globalization;
using SemiSegEcg.Evaluation;
using Spectre.Console;

namespace SemiSegEcg.Cli.Commands.Evaluation;

/// <summary>The paper's metrics, one row per run: pooled mIoU (×100, as the paper reports it), per-sample mIoU, interval MAEs, boundary F1.</summary>
public static class EvaluationTable
{
    public static void Print(IReadOnlyList<(string Run, EvaluationReport Report)> rows)
    {
        var table = new Table().RoundedBorder();
        table.AddColumn("run");
        foreach (string h in new[] { "N", "mIoU_pooled", "mIoU_sample", "MAE PR", "MAE QRS", "MAE QT", "MAE avg", "F1@150ms", "F1@40ms" })
            table.AddColumn(new TableColumn(h).RightAligned());
        foreach (var (run, r) in rows)
        {
            table.AddRow(Markup.Escape(run), F(r.SampleCount, "0"), F(100 * r.PooledMeanIou, "0.0"), F(r.SampleMeanIou, "0.0000"),
                F(r.MaePrMs, "0.0"), F(r.MaeQrsMs, "0.0"), F(r.MaeQtMs, "0.0"), F(r.MaeAverageMs, "0.0"),
                F(r.Boundaries150Ms.AverageF1, "0.000"), F(r.Boundaries40Ms.AverageF1, "0.000"));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]mIoU_pooled: IoU summed over all samples and time (paper metric, ×100); mIoU_sample: per-sample torchmetrics MeanIoU; MAE in ms (notebook rules); F1: mean over the six P/QRS/T onsets and offsets.[/]");
    }

    private static string F(double value, string format) =>
        double.IsNaN(value) ? "–" : value.ToString(format, CultureInfo.InvariantCulture);
}
