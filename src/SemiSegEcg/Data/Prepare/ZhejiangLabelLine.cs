namespace SemiSegEcg.Data.Prepare;

/// <summary>One line of a Zhejiang label file (<c>P.csv</c>, <c>QRS.csv</c> or <c>T.csv</c>): one record's lead.</summary>
/// <param name="Source">File and line, for reports (e.g. <c>labels/T.csv line 12</c>).</param>
/// <param name="Waves">The line's onset/offset pairs as waves, in the order written.</param>
/// <param name="Problem">Why the pairs cannot be used (odd count, onset after offset), or null.</param>
public sealed record ZhejiangLabelLine(string HospitalId, string Lead, string Source, IReadOnlyList<WaveSpan> Waves, string? Problem);
