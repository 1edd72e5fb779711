namespace SemiSegEcg.Evaluation;

/// <summary>
/// One-to-one matching of predicted to true boundary positions within a tolerance, nearest first: every
/// (true, predicted) pair with |predicted − true| ≤ tolerance is a candidate; candidates are taken in order of
/// |distance|, ties by the earlier true position, then the earlier predicted position; a candidate is accepted when
/// neither of its ends is matched yet. Unmatched predictions are false positives, unmatched truths false negatives.
/// </summary>
public static class BoundaryMatcher
{
    public static BoundaryMatch Match(IReadOnlyList<int> truePositions, IReadOnlyList<int> predictedPositions, int toleranceSamples)
    {
        var trueMatch = MatchedPredictions(truePositions, predictedPositions, toleranceSamples);
        var errors = new List<int>(trueMatch.Length);
        for (int t = 0; t < truePositions.Count; t++)
        {
            if (trueMatch[t] >= 0) errors.Add(predictedPositions[trueMatch[t]] - truePositions[t]);
        }
        return new BoundaryMatch(errors.Count, predictedPositions.Count - errors.Count, truePositions.Count - errors.Count, errors);
    }

    /// <summary>
    /// The same matching, pair by pair: for every true position, the index of the prediction matched to it, or −1.
    /// </summary>
    public static int[] MatchedPredictions(IReadOnlyList<int> truePositions, IReadOnlyList<int> predictedPositions, int toleranceSamples)
    {
        ArgumentNullException.ThrowIfNull(truePositions);
        ArgumentNullException.ThrowIfNull(predictedPositions);
        ArgumentOutOfRangeException.ThrowIfNegative(toleranceSamples);
        var candidates = new List<(int Distance, int TrueIndex, int PredictedIndex)>();
        for (int t = 0; t < truePositions.Count; t++)
        {
            for (int p = 0; p < predictedPositions.Count; p++)
            {
                int distance = Math.Abs(predictedPositions[p] - truePositions[t]);
                if (distance <= toleranceSamples) candidates.Add((distance, t, p));
            }
        }
        // Positions are ascending within a record, so index order is position order.
        candidates.Sort();

        var trueMatch = new int[truePositions.Count];
        Array.Fill(trueMatch, -1);
        var predictedUsed = new bool[predictedPositions.Count];
        foreach (var (_, t, p) in candidates)
        {
            if (trueMatch[t] >= 0 || predictedUsed[p]) continue;
            trueMatch[t] = p;
            predictedUsed[p] = true;
        }
        return trueMatch;
    }
}
