namespace SemiSegEcg.Evaluation;

/// <summary>
/// A validation metric the trainer keeps a best checkpoint for (<c>best-&lt;Name&gt;.ckpt</c>), which
/// <c>test.target_metric</c> may name. <see cref="MetricCatalog.Checkpointed"/> lists them.
/// </summary>
/// <param name="Name">The name in <c>log.txt</c>, the checkpoint's metrics and the checkpoint file (<c>MeanIoU</c>).</param>
/// <param name="HigherIsBetter">Whether a larger value is a better epoch.</param>
public sealed record CheckpointMetric(string Name, bool HigherIsBetter);
