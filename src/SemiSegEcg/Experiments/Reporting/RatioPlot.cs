using System.Globalization;
using ScottPlot;
using SemiSegEcg.Evaluation;
using SemiSegEcg.IO;

namespace SemiSegEcg.Experiments.Reporting;

/// <summary>
/// One PNG per dataset: pooled mIoU (%) against the labeled fraction (1/16 … 1/2, equally spaced as on a log2 axis),
/// one line per method × backbone (colour = method, line and marker = backbone), ± SD error bars where a point has
/// several runs, and every run (label draw × seed) as a hollow dot. Points of different lines are nudged apart sideways so their error bars do not hide each other.
/// </summary>
public static class RatioPlot
{
    public const int WidthPx = 1100;
    public const int HeightPx = 640;
    private const string FontName = "DejaVu Sans";
    private const double Dodge = 0.035;
    private const double MaxDodgeSpread = 0.25;

    /// <summary>ratio_&lt;dataset&gt;.png.</summary>
    public static string FileName(string dataset) => $"ratio_{dataset}.png";

    /// <summary>Datasets with at least one labeled-fraction column (a cross-domain-only dataset has nothing to plot).</summary>
    public static IReadOnlyList<string> PlottableDatasets(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Datasets.Where(d => table.Columns.Any(c => c.Dataset == d && c.Ratio is not null)).ToList();
    }

    public static void Save(string pngPath, ResultTable table, string dataset)
    {
        ArgumentException.ThrowIfNullOrEmpty(pngPath);
        AtomicFile.WriteAllBytes(pngPath, Render(table, dataset));
    }

    public static byte[] Render(ResultTable table, string dataset)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(dataset);
        var columns = table.Columns.Where(c => c.Dataset == dataset && c.Ratio is not null).OrderByDescending(c => c.Ratio).ToList();
        if (columns.Count == 0) throw new ArgumentException($"dataset '{dataset}' has no labeled-fraction results to plot");
        var metric = PooledIou.Metric;
        var rows = table.Rows.Where(r => columns.Any(c => table.Aggregate(r, c, metric) is not null)).ToList();
        var backbones = rows.Select(r => r.Backbone).Distinct().ToList();

        var plot = new Plot();
        plot.Font.Set(FontName);
        var palette = new ScottPlot.Palettes.Category10();
        double yMin = double.PositiveInfinity, yMax = double.NegativeInfinity;
        double dodge = rows.Count > 1 ? Math.Min(Dodge, MaxDodgeSpread / (rows.Count - 1)) : 0;
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            double offset = (i - (rows.Count - 1) / 2.0) * dodge;
            var points = columns.Select(c => (X: -Math.Log2(c.Ratio!.Value) + offset, A: table.Aggregate(row, c, metric)))
                .Where(p => p.A is not null).ToList();
            double[] xs = points.Select(p => p.X).ToArray();
            double[] ys = points.Select(p => p.A!.Mean * metric.Scale).ToArray();
            double[] sds = points.Select(p => double.IsNaN(p.A!.StandardDeviation) ? 0 : p.A.StandardDeviation * metric.Scale).ToArray();
            var color = palette.GetColor(BenchmarkNames.AlgorithmKey(row.Algorithm).Item1);
            int style = backbones.IndexOf(row.Backbone);

            if (sds.Any(sd => sd > 0))
            {
                var bars = plot.Add.ErrorBar(xs, ys, sds);
                bars.Color = color;
                bars.LineWidth = 1.5f;
                bars.CapSize = 6;
            }
            var line = plot.Add.Scatter(xs, ys, color);
            line.LineWidth = 2.2f;
            line.MarkerSize = 9;
            line.MarkerShape = Markers[style % Markers.Length];
            line.LinePattern = Patterns[style % Patterns.Length];
            line.LegendText = backbones.Count > 1 ? $"{row.AlgorithmTitle} · {row.Backbone}" : row.AlgorithmTitle;
            // Each run (label draw × seed) as a hollow dot on its mean's vertical, so the spread is seen, not only summarized.
            var runs = columns.SelectMany(c => table.RunsAt(row, c).Select(r => (X: -Math.Log2(c.Ratio!.Value) + offset, Y: r.Metric(metric.Name) * metric.Scale)))
                .Where(p => double.IsFinite(p.Y)).ToList();
            if (runs.Count > points.Count)
            {
                var dots = plot.Add.Scatter(runs.Select(p => p.X).ToArray(), runs.Select(p => p.Y).ToArray(), color);
                dots.LineWidth = 0;
                dots.MarkerSize = 6;
                dots.MarkerShape = MarkerShape.OpenCircle;
                foreach (var p in runs)
                {
                    yMin = Math.Min(yMin, p.Y);
                    yMax = Math.Max(yMax, p.Y);
                }
            }
            for (int k = 0; k < ys.Length; k++)
            {
                yMin = Math.Min(yMin, ys[k] - sds[k]);
                yMax = Math.Max(yMax, ys[k] + sds[k]);
            }
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var c in columns) ticks.AddMajor(-Math.Log2(c.Ratio!.Value), BenchmarkNames.RatioTitle(c.Ratio));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.TickLabelStyle.FontSize = 15;
        double xLo = -Math.Log2(columns[0].Ratio!.Value), xHi = -Math.Log2(columns[^1].Ratio!.Value);
        double pad = Math.Max(0.35, 0.08 * (xHi - xLo));
        double span = Math.Max(yMax - yMin, 2);
        plot.Axes.SetLimits(xLo - pad, xHi + pad, yMin - 0.12 * span, yMax + 0.12 * span);
        plot.XLabel("labeled fraction of the training set", 16);
        plot.YLabel("pooled mIoU (%)", 16);
        string seeds = table.TypicalSeedCount > 1 ? string.Create(CultureInfo.InvariantCulture, $" (mean ± SD over {table.TypicalSeedCount} runs; dots: each run)") : "";
        plot.Title($"{BenchmarkNames.DatasetTitle(dataset)}: pooled mIoU against labeled fraction{seeds}", 18);
        plot.Grid.MajorLineColor = Color.FromHex("#e3e3e3");
        plot.Legend.FontSize = 14;
        plot.ShowLegend(Edge.Right);
        return plot.GetImageBytes(WidthPx, HeightPx, ImageFormat.Png);
    }

    private static readonly MarkerShape[] Markers = [MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond];
    private static readonly LinePattern[] Patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
}
