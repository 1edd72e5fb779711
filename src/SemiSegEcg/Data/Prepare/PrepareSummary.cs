namespace SemiSegEcg.Data.Prepare;

/// <summary>Result of preparing one database: per-split counts, labeled subsets and everything dropped.</summary>
/// <param name="LabeledDraws">Every labeled subset of every label draw with its subjects; empty for an unlabeled database.</param>
public sealed record PrepareSummary(
    string Database,
    string OutputRoot,
    long Seed,
    IReadOnlyList<SplitStatistics> Splits,
    IReadOnlyList<DroppedItem> Dropped,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<LabeledDraw> LabeledDraws);
