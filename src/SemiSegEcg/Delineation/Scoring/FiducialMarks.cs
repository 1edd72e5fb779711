using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// Positions (native samples, ascending) of every <see cref="Fiducial"/> in one lead, in the annotation convention:
/// onsets and peaks are the marked samples, an offset is the <c>)</c> mark.
/// </summary>
public sealed class FiducialMarks
{
    private static readonly Fiducial[] All = Enum.GetValues<Fiducial>();

    private readonly IReadOnlyList<int>[] _positions;

    private FiducialMarks(IReadOnlyList<int>[] positions) => _positions = positions;

    public IReadOnlyList<int> this[Fiducial fiducial] => _positions[(int)fiducial];

    /// <summary>Reference marks from annotated waves; a wave whose onset or peak was not marked contributes none for it.</summary>
    public static FiducialMarks FromAnnotations(IEnumerable<WaveSpan> waves)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var lists = NewLists();
        foreach (var w in waves)
        {
            var (onset, peak, offset) = Kinds(w.ClassId);
            if (onset is Fiducial on && w.Onset is long o) lists[(int)on].Add(checked((int)o));
            if (peak is Fiducial pk && w.Peak is long p) lists[(int)pk].Add(checked((int)p));
            if (offset is Fiducial off) lists[(int)off].Add(checked((int)w.Offset));
        }
        return Build(lists);
    }

    /// <summary>
    /// Predicted marks from delineated waves. A <see cref="Wave.Offset"/> is the last sample of its label run; under
    /// <paramref name="offsetRule"/> <see cref="OffsetRule.Exclusive"/> (the rule the training masks were painted
    /// with: the <c>)</c> sample is background) the mark is the sample after it, so that a perfect segmentation scores
    /// an error of zero.
    /// </summary>
    public static FiducialMarks FromWaves(IEnumerable<Wave> waves, OffsetRule offsetRule)
    {
        ArgumentNullException.ThrowIfNull(waves);
        int offsetShift = offsetRule == OffsetRule.Exclusive ? 1 : 0;
        var lists = NewLists();
        foreach (var w in waves)
        {
            var (onset, peak, offset) = Kinds((byte)w.Kind);
            if (onset is Fiducial on) lists[(int)on].Add(w.Onset);
            if (peak is Fiducial pk) lists[(int)pk].Add(w.Peak);
            if (offset is Fiducial off) lists[(int)off].Add(w.Offset + offsetShift);
        }
        return Build(lists);
    }

    /// <summary>Moves every mark by <paramref name="samples"/> (a cropped recording back to record time).</summary>
    public FiducialMarks Shifted(int samples) =>
        new(_positions.Select(list => (IReadOnlyList<int>)list.Select(p => p + samples).ToArray()).ToArray());

    private static (Fiducial? Onset, Fiducial? Peak, Fiducial? Offset) Kinds(byte classId) => classId switch
    {
        WaveLabels.P => (Fiducial.POnset, Fiducial.PPeak, Fiducial.POffset),
        WaveLabels.Qrs => (Fiducial.QrsOnset, null, Fiducial.QrsOffset),
        WaveLabels.T => (null, Fiducial.TPeak, Fiducial.TOffset),
        _ => throw new ArgumentOutOfRangeException(nameof(classId), classId, "not a wave class"),
    };

    private static List<int>[] NewLists() => All.Select(_ => new List<int>()).ToArray();

    private static FiducialMarks Build(List<int>[] lists)
    {
        foreach (var list in lists) list.Sort();
        return new FiducialMarks(lists.Select(l => (IReadOnlyList<int>)l.ToArray()).ToArray());
    }
}
