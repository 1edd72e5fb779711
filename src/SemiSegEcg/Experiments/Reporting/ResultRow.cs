namespace SemiSegEcg.Experiments.Reporting;

/// <summary>A table row: one method on one backbone.</summary>
public sealed record ResultRow(string Backbone, string Algorithm)
{
    public string AlgorithmTitle => BenchmarkNames.AlgorithmTitle(Algorithm);
}
