using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// Onsets (first sample of a run) and offsets (last sample of a run) of P, QRS and T waves in one label sequence,
/// each list ascending. A boundary exists only where the label changes between two neighbouring samples: a run
/// touching index 0 has no onset and a run touching the end has no offset (the notebook's rule). A run next to an
/// <see cref="WaveLabels.Ignore"/> sample has no boundary on that side, because its true extent is unknown.
/// </summary>
public sealed record WaveBoundaries(
    IReadOnlyList<int> POnsets, IReadOnlyList<int> POffsets,
    IReadOnlyList<int> QrsOnsets, IReadOnlyList<int> QrsOffsets,
    IReadOnlyList<int> TOnsets, IReadOnlyList<int> TOffsets)
{
    public static WaveBoundaries Extract(ReadOnlySpan<long> labels)
    {
        var onsets = new List<int>[WaveLabels.ClassCount];
        var offsets = new List<int>[WaveLabels.ClassCount];
        for (int c = 0; c < WaveLabels.ClassCount; c++)
        {
            onsets[c] = [];
            offsets[c] = [];
        }
        for (int i = 0; i + 1 < labels.Length; i++)
        {
            long left = labels[i], right = labels[i + 1];
            if (left == right || left == WaveLabels.Ignore || right == WaveLabels.Ignore) continue;
            if (WaveLabels.IsWave(right)) onsets[right].Add(i + 1);
            if (WaveLabels.IsWave(left)) offsets[left].Add(i);
        }
        return new WaveBoundaries(
            onsets[WaveLabels.P], offsets[WaveLabels.P],
            onsets[WaveLabels.Qrs], offsets[WaveLabels.Qrs],
            onsets[WaveLabels.T], offsets[WaveLabels.T]);
    }

    public IReadOnlyList<int> Get(BoundaryKind kind) => kind switch
    {
        BoundaryKind.POnset => POnsets,
        BoundaryKind.POffset => POffsets,
        BoundaryKind.QrsOnset => QrsOnsets,
        BoundaryKind.QrsOffset => QrsOffsets,
        BoundaryKind.TOnset => TOnsets,
        BoundaryKind.TOffset => TOffsets,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown boundary kind"),
    };
}
