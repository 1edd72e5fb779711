using SemiSegEcg.Data;
using SemiSegEcg.Data.Prepare;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// Where a partial reference annotation speaks: inclusive sample ranges inside which every wave was annotated. A
/// prediction that matches no reference mark is a false positive only inside one of them; outside, the reference says
/// nothing, so an unmatched prediction there is neither right nor wrong and is not counted (matched predictions always
/// count, wherever they lie).
/// </summary>
public sealed class AnnotatedSpans
{
    private readonly (int First, int Last)[] _spans;

    private AnnotatedSpans((int First, int Last)[] spans) => _spans = spans.OrderBy(s => s.First).ToArray();

    public IReadOnlyList<(int First, int Last)> Spans => _spans;

    /// <summary>One span from the first to the last annotated mark: for annotators that mark every beat in between (LUDB).</summary>
    public static AnnotatedSpans Whole(IReadOnlyCollection<WaveSpan> waves)
    {
        ArgumentNullException.ThrowIfNull(waves);
        if (waves.Count == 0) return new AnnotatedSpans([]);
        return new AnnotatedSpans([(checked((int)waves.Min(Start)), checked((int)waves.Max(w => w.Offset)))]);
    }

    /// <summary>
    /// One span per annotated beat, from its first to its last mark (for annotators that marked selected beats only,
    /// QTDB's q1c): a P belongs to the next QRS, a T to the previous one; a P or T without a QRS is a span of its own.
    /// The gaps between annotated beats are not spanned, because an unannotated beat may lie in any of them.
    /// </summary>
    public static AnnotatedSpans PerBeat(IReadOnlyCollection<WaveSpan> waves)
    {
        ArgumentNullException.ThrowIfNull(waves);
        var qrs = waves.Where(w => w.ClassId == WaveLabels.Qrs).OrderBy(Start).ToList();
        var beats = qrs.Select(q => (First: Start(q), Last: q.Offset)).ToList();
        var loose = new List<(long First, long Last)>();
        foreach (var w in waves.Where(w => w.ClassId != WaveLabels.Qrs))
        {
            int beat = w.ClassId == WaveLabels.P
                ? qrs.FindIndex(q => Start(q) >= w.Offset)
                : qrs.FindLastIndex(q => q.Offset <= Start(w));
            if (beat < 0)
            {
                loose.Add((Start(w), w.Offset));
                continue;
            }
            beats[beat] = (Math.Min(beats[beat].First, Start(w)), Math.Max(beats[beat].Last, w.Offset));
        }
        return new AnnotatedSpans(beats.Concat(loose).Select(b => (checked((int)b.First), checked((int)b.Last))).ToArray());
    }

    /// <summary>Spans given directly (inclusive sample ranges).</summary>
    public static AnnotatedSpans Of(params (int First, int Last)[] spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Any(s => s.Last < s.First)) throw new ArgumentException("a span ends before it starts", nameof(spans));
        return new AnnotatedSpans(spans);
    }

    public bool Contains(int position)
    {
        foreach (var (first, last) in _spans)
        {
            if (position < first) return false;
            if (position <= last) return true;
        }
        return false;
    }

    /// <summary>Moves every span by <paramref name="samples"/>.</summary>
    public AnnotatedSpans Shifted(int samples) => new(_spans.Select(s => (s.First + samples, s.Last + samples)).ToArray());

    private static long Start(WaveSpan w) => w.Onset ?? w.Peak ?? w.Offset;
}
