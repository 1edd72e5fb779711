namespace SemiSegEcg.Evaluation;

/// <summary>
/// The paper notebook's <c>compute_numerics</c> (docs/reference/original-behaviour.md#paper-metrics): PR interval, QRS duration and QT interval of one
/// label sequence, from the boundaries of <see cref="WaveBoundaries.Extract"/>.
/// <para>Pairing, with "anchors" = P onsets for PR and QRS onsets for QRS and QT, "targets" = QRS onsets, QRS
/// offsets and T offsets respectively:</para>
/// <list type="bullet">
/// <item>no anchor: no interval;</item>
/// <item>exactly one anchor a: the first target t &gt; a (no upper bound), if any;</item>
/// <item>several anchors: for each consecutive pair (a_k, a_k+1) the first target with a_k &lt; t &lt; a_k+1, if any;
/// the last anchor is never used, so the last beat is dropped (reference behaviour, kept on purpose).</item>
/// </list>
/// <para>Per record the value is the median of the intervals in seconds (numpy median: the mean of the two middle
/// values for an even count), times 1000; 0 when no interval was found. That order of operations matches the
/// reference to the last bit.</para>
/// </summary>
public static class IntervalExtractor
{
    public const double DefaultSamplingRateHz = 250;

    public static IntervalNumerics Compute(ReadOnlySpan<long> labels, double samplingRateHz = DefaultSamplingRateHz)
    {
        if (!(samplingRateHz > 0)) throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be positive");
        var b = WaveBoundaries.Extract(labels);
        return new IntervalNumerics(
            MedianMs(PairIntervals(b.POnsets, b.QrsOnsets), samplingRateHz),
            MedianMs(PairIntervals(b.QrsOnsets, b.QrsOffsets), samplingRateHz),
            MedianMs(PairIntervals(b.QrsOnsets, b.TOffsets), samplingRateHz));
    }

    /// <summary>Intervals in samples (target − anchor) by the pairing rule above.</summary>
    internal static List<int> PairIntervals(IReadOnlyList<int> anchors, IReadOnlyList<int> targets)
    {
        var intervals = new List<int>();
        if (anchors.Count == 1)
        {
            int? first = FirstTargetIn(targets, anchors[0], int.MaxValue);
            if (first is int t) intervals.Add(t - anchors[0]);
            return intervals;
        }
        for (int k = 0; k + 1 < anchors.Count; k++)
        {
            int? first = FirstTargetIn(targets, anchors[k], anchors[k + 1]);
            if (first is int t) intervals.Add(t - anchors[k]);
        }
        return intervals;
    }

    /// <summary>First target strictly between the bounds (targets ascending).</summary>
    private static int? FirstTargetIn(IReadOnlyList<int> targets, int lowerExclusive, int upperExclusive)
    {
        foreach (int t in targets)
        {
            if (t <= lowerExclusive) continue;
            return t < upperExclusive ? t : null;
        }
        return null;
    }

    private static double MedianMs(List<int> intervalsSamples, double samplingRateHz)
    {
        if (intervalsSamples.Count == 0) return 0.0;
        double[] seconds = intervalsSamples.Select(s => s / samplingRateHz).Order().ToArray();
        int n = seconds.Length;
        double median = n % 2 == 1 ? seconds[n / 2] : (seconds[n / 2 - 1] + seconds[n / 2]) / 2;
        return median * 1000;
    }
}
