using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Config;

/// <summary>The <c>test</c> block: which best checkpoint to test (<c>best-&lt;target_metric&gt;.pth</c>) or an explicit model.</summary>
public sealed record TestConfig
{
    public string TargetMetric { get; init; } = MetricCatalog.ValidationMeanIou.Name;

    /// <summary>Explicit checkpoint (CLI <c>--model_path</c>).</summary>
    public string? ModelPath { get; init; }

    /// <summary>Accepted for compatibility (inference AMP); no effect on CPU.</summary>
    public bool UseAmp { get; init; }
}
