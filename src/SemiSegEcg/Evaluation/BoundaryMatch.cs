namespace SemiSegEcg.Evaluation;

/// <summary>Outcome of matching one record's predicted boundaries of one kind to the true ones.</summary>
/// <param name="SignedErrorsSamples">Predicted − true position of every matched pair, in true-position order.</param>
public sealed record BoundaryMatch(int TruePositives, int FalsePositives, int FalseNegatives, IReadOnlyList<int> SignedErrorsSamples);
