namespace SemiSegEcg.Evaluation;

/// <summary>One reported number with its stable output name (e.g. <c>mIoU_pooled</c>, <c>MAE_QT_ms</c>).</summary>
public sealed record NamedMetric(string Name, double Value);
