namespace SemiSegEcg.Experiments.Reporting;

/// <summary>A table column: one dataset at one labeled ratio (null = all labels, the cross-domain set).</summary>
public sealed record ResultColumn(string Dataset, int? Ratio)
{
    /// <summary><c>LUDB 1/16</c>.</summary>
    public string Title => $"{BenchmarkNames.DatasetTitle(Dataset)} {BenchmarkNames.RatioTitle(Ratio)}";
}
