namespace SemiSegEcg.Experiments.Reporting;

/// <summary>A metric of the report: its <see cref="Evaluation.NamedMetric"/> name and how the tables show it.</summary>
/// <param name="Name">Name in <see cref="Evaluation.EvaluationReport.ToNamedMetrics"/> and in report.csv.</param>
/// <param name="Scale">Factor for the Markdown tables and plots (100 for mIoU in %); the CSV keeps raw values.</param>
/// <param name="InTables">Shown as a Markdown table (the others are CSV only).</param>
public sealed record ReportMetric(string Name, string Title, double Scale, string Format, bool HigherIsBetter, bool InTables)
{
    public static ReportMetric PooledMeanIou { get; } = new("mIoU_pooled", "Pooled mIoU (%)", 100, "0.0", true, true);

    /// <summary>Every metric of report.csv; the <see cref="InTables"/> ones also get a Markdown table, in this order.</summary>
    public static IReadOnlyList<ReportMetric> All { get; } =
    [
        PooledMeanIou,
        new("mIoU_sample", "Per-sample mIoU (%)", 100, "0.0", true, true),
        new("MAE_avg_ms", "Interval MAE, mean of PR/QRS/QT (ms)", 1, "0.0", false, true),
        new("F1_avg@150ms", "Boundary F1 @ 150 ms", 1, "0.000", true, true),
        new("MAE_PR_ms", "PR interval MAE (ms)", 1, "0.0", false, false),
        new("MAE_QRS_ms", "QRS duration MAE (ms)", 1, "0.0", false, false),
        new("MAE_QT_ms", "QT interval MAE (ms)", 1, "0.0", false, false),
        new("F1_avg@40ms", "Boundary F1 @ 40 ms", 1, "0.000", true, false),
    ];

    public static IReadOnlyList<ReportMetric> Tables { get; } = All.Where(m => m.InTables).ToList();

    public string Direction => HigherIsBetter ? "higher is better" : "lower is better";
}
