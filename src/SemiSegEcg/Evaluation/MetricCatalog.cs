namespace SemiSegEcg.Evaluation;

/// <summary>
/// Every metric the program reports or selects checkpoints by. This is the only list of metrics: report.csv's columns
/// and the Markdown tables (<see cref="Reported"/>), the checkpoints the trainer keeps and <c>test.target_metric</c>
/// accepts (<see cref="Checkpointed"/>), and the tests derive from it. A new test metric is its implementation (with
/// its <c>Metric</c> entry), its value in <see cref="EvaluationReport.ToNamedMetrics"/>, and one line here.
/// </summary>
public static class MetricCatalog
{
    /// <summary>Every metric of report.csv, in column order; the <see cref="MetricEntry.InTables"/> ones also get a Markdown table, in this order.</summary>
    public static IReadOnlyList<MetricEntry> Reported { get; } =
    [
        PooledIou.Metric,
        SampleMeanIou.Metric,
        IntervalErrors.AverageMetric,
        BoundaryMetrics.WideAverageF1,
        IntervalErrors.PrMetric,
        IntervalErrors.QrsMetric,
        IntervalErrors.QtMetric,
        BoundaryMetrics.NarrowAverageF1,
    ];

    /// <summary>The metrics with a Markdown table, in report order.</summary>
    public static IReadOnlyList<MetricEntry> Tables { get; } = Reported.Where(m => m.InTables).ToList();

    /// <summary>
    /// The validation metric that picks the tested checkpoint (the torchmetrics MeanIoU of the original's
    /// <c>metric</c> block, <see cref="SampleMeanIou"/>): the only <c>metric.target_metrics</c> entry, the default
    /// <c>test.target_metric</c>, and what early stopping watches.
    /// </summary>
    public static CheckpointMetric ValidationMeanIou { get; } = new("MeanIoU", HigherIsBetter: true);

    /// <summary>The validation loss, whose best epoch is kept too.</summary>
    public static CheckpointMetric ValidationLoss { get; } = new("loss", HigherIsBetter: false);

    /// <summary>The validation metrics with a best checkpoint, the names <c>test.target_metric</c> accepts.</summary>
    public static IReadOnlyList<CheckpointMetric> Checkpointed { get; } = [ValidationMeanIou, ValidationLoss];
}
