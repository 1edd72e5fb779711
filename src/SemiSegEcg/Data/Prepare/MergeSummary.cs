namespace SemiSegEcg.Data.Prepare;

/// <summary>Result of <see cref="DatasetMerger.Run"/>, also written to <c>summary.json</c>.</summary>
/// <param name="DataRoot">The folder every merged path is relative to (the parent of <paramref name="OutputRoot"/>).</param>
/// <param name="Ratio">N of the labeled training set 1/N (1 = the full training sets).</param>
public sealed record MergeSummary(string OutputRoot, string DataRoot, int Ratio, IReadOnlyList<MergedDatabase> Databases, IReadOnlyList<MergedSplit> Splits);
