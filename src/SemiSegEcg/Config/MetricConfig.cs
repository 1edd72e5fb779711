using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Config;

/// <summary>
/// The <c>metric</c> block (torchmetrics MeanIoU settings in the original;
/// docs/reference/original-behaviour.md#per-sample-miou). Our validation metric is that configuration, fixed: the
/// validator accepts only these shipped values.
/// </summary>
public sealed record MetricConfig
{
    public string Task { get; init; } = "segmentation";

    public bool ComputeOnCpu { get; init; } = true;

    public bool SyncOnCompute { get; init; }

    public int NumClasses { get; init; } = 4;

    public bool IncludeBackground { get; init; } = true;

    public bool PerClass { get; init; }

    public string InputFormat { get; init; } = "one-hot";

    public IReadOnlyList<string> TargetMetrics { get; init; } = [MetricCatalog.ValidationMeanIou.Name];
}
