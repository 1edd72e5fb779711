namespace SemiSegEcg.Evaluation;

/// <summary>
/// A test metric as the report knows it: its <see cref="NamedMetric"/> name and how tables show it. Each metric
/// declares its entry beside its implementation (<c>PooledIou.Metric</c>); <see cref="MetricCatalog.Reported"/> lists them.
/// </summary>
/// <param name="Name">Name in <see cref="EvaluationReport.ToNamedMetrics"/>, <c>evaluation.json</c> and report.csv.</param>
/// <param name="Scale">Factor for the Markdown tables and plots (100 for mIoU in %); the CSV keeps raw values.</param>
/// <param name="InTables">Shown as a Markdown table (the others are CSV only).</param>
public sealed record MetricEntry(string Name, string Title, double Scale, string Format, bool HigherIsBetter, bool InTables)
{
    public string Direction => HigherIsBetter ? "higher is better" : "lower is better";
}
