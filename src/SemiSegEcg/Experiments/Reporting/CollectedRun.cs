namespace SemiSegEcg.Experiments.Reporting;

/// <summary>One tested run found under a report root, with what identifies it in the tables and its metrics.</summary>
/// <param name="Algorithm">Config name: <c>scratch</c>, <c>fixmatch</c>, …</param>
/// <param name="Backbone">The backbone name with its head's <see cref="Models.Heads.HeadEntry.ReportSuffix"/> (<c>resnet18</c>, <c>vit_tiny+UNet</c>).</param>
/// <param name="Ratio">Labeled fraction 1/N, or null for a run on the full labeled set (cross-domain).</param>
/// <param name="SampleCount">Test samples the metrics are over.</param>
/// <param name="Epochs">Training budget (<c>train.epochs</c>).</param>
/// <param name="TestIndex">File name of the test index (<c>dataset.test_csv</c>), empty when the config has none.</param>
/// <param name="Draw">Label draw: 0 for the usual labeled index, k for <c>…_draw&lt;k&gt;.csv</c>.</param>
/// <param name="EarlyStopPatience"><c>train.early_stop_patience</c>, part of the budget; null when the run trained every epoch.</param>
/// <param name="Metrics">Every <see cref="Evaluation.EvaluationReport.ToNamedMetrics"/> value by name.</param>
public sealed record CollectedRun(
    string Directory,
    string Algorithm,
    string Backbone,
    string Dataset,
    int? Ratio,
    int Seed,
    int SampleCount,
    int Epochs,
    string TestIndex,
    IReadOnlyDictionary<string, double> Metrics,
    int Draw = 0,
    int? EarlyStopPatience = null)
{
    /// <summary>NaN when the metric is missing.</summary>
    public double Metric(string name) => Metrics.TryGetValue(name, out double v) ? v : double.NaN;
}
