using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// Delineation boundary metrics (the literature standard, not part of the SemiSegECG notebook): for each of the six
/// boundaries, onsets and offsets from <see cref="WaveBoundaries.Extract"/> on truth and prediction are matched per
/// record by <see cref="BoundaryMatcher"/>, and TP/FP/FN and signed errors are accumulated over records.
/// <para>Tolerance is inclusive: a pair matches when |predicted − true| ≤ floor(toleranceMs·fs/1000) samples
/// (150 ms at 250 Hz = 37 samples, 40 ms = 10).</para>
/// <para>Ignore rule: before extraction the prediction is set to <see cref="WaveLabels.Ignore"/> wherever the truth
/// is. So no boundary, true or predicted, lies at an ignored position, and a run of either sequence that borders an
/// ignored region has no boundary on that side; a region's edges are unknown and are scored on neither side.</para>
/// </summary>
public sealed class BoundaryMetrics
{
    /// <summary>The mean boundary F1 at the wide tolerance (<see cref="EvaluationReport.WideToleranceMs"/>), a report table.</summary>
    public static MetricEntry WideAverageF1 { get; } = new("F1_avg@150ms", "Boundary F1 @ 150 ms", 1, "0.000", HigherIsBetter: true, InTables: true);

    /// <summary>The mean boundary F1 at the narrow tolerance (<see cref="EvaluationReport.NarrowToleranceMs"/>), CSV only.</summary>
    public static MetricEntry NarrowAverageF1 { get; } = new("F1_avg@40ms", "Boundary F1 @ 40 ms", 1, "0.000", HigherIsBetter: true, InTables: false);

    public const double DefaultToleranceMs = 150;

    private static readonly IReadOnlyList<BoundaryKind> Kinds = Array.AsReadOnly(Enum.GetValues<BoundaryKind>());

    private readonly long[] _truePositives = new long[Kinds.Count];
    private readonly long[] _falsePositives = new long[Kinds.Count];
    private readonly long[] _falseNegatives = new long[Kinds.Count];
    private readonly long[] _errorSum = new long[Kinds.Count];
    private readonly Int128[] _errorSquareSum = new Int128[Kinds.Count];

    public BoundaryMetrics(double toleranceMs = DefaultToleranceMs, double samplingRateHz = IntervalExtractor.DefaultSamplingRateHz)
    {
        if (!(toleranceMs >= 0) || double.IsInfinity(toleranceMs))
            throw new ArgumentOutOfRangeException(nameof(toleranceMs), toleranceMs, "tolerance must be a finite number of ms ≥ 0");
        if (!(samplingRateHz > 0) || double.IsInfinity(samplingRateHz))
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be positive");
        ToleranceMs = toleranceMs;
        SamplingRateHz = samplingRateHz;
        ToleranceSamples = ToleranceInSamples(toleranceMs, samplingRateHz);
    }

    /// <summary>The inclusive tolerance in whole samples: floor(toleranceMs · fs / 1000).</summary>
    public static int ToleranceInSamples(double toleranceMs, double samplingRateHz) =>
        // The small epsilon keeps exact products such as 40 ms · 250 Hz / 1000 = 10 from rounding down to 9.
        (int)Math.Floor(toleranceMs * samplingRateHz / 1000 + 1e-9);

    public double ToleranceMs { get; }
    public double SamplingRateHz { get; }
    public int ToleranceSamples { get; }
    public int RecordCount { get; private set; }

    public void Add(ReadOnlySpan<long> truth, ReadOnlySpan<long> prediction)
    {
        LabelChecks.Validate(truth, prediction, RecordCount);
        var trueBoundaries = WaveBoundaries.Extract(truth);
        var predictedBoundaries = WaveBoundaries.Extract(LabelChecks.MaskIgnored(truth, prediction));
        for (int k = 0; k < Kinds.Count; k++)
        {
            var match = BoundaryMatcher.Match(trueBoundaries.Get(Kinds[k]), predictedBoundaries.Get(Kinds[k]), ToleranceSamples);
            _truePositives[k] += match.TruePositives;
            _falsePositives[k] += match.FalsePositives;
            _falseNegatives[k] += match.FalseNegatives;
            foreach (int e in match.SignedErrorsSamples)
            {
                _errorSum[k] += e;
                _errorSquareSum[k] += (long)e * e;
            }
        }
        RecordCount++;
    }

    public BoundaryReport ToReport()
    {
        var scores = new BoundaryScore[Kinds.Count];
        for (int k = 0; k < Kinds.Count; k++) scores[k] = Score(k);
        var definedF1 = scores.Select(s => s.F1).Where(f => !double.IsNaN(f)).ToArray();
        return new BoundaryReport(ToleranceMs, ToleranceSamples, scores, definedF1.Length == 0 ? double.NaN : definedF1.Average());
    }

    private BoundaryScore Score(int k)
    {
        long tp = _truePositives[k], fp = _falsePositives[k], fn = _falseNegatives[k];
        double msPerSample = 1000 / SamplingRateHz;
        double mean = double.NaN, sd = double.NaN;
        if (tp > 0)
        {
            // Sums of integer sample errors are exact, so the variance n·Σe² − (Σe)² is too (no cancellation).
            mean = (double)_errorSum[k] / tp * msPerSample;
            Int128 scaledVariance = tp * _errorSquareSum[k] - (Int128)_errorSum[k] * _errorSum[k];
            sd = Math.Sqrt((double)scaledVariance) / tp * msPerSample;
        }
        return new BoundaryScore(
            Kinds[k], tp, fp, fn,
            Ratio(tp, tp + fn),
            Ratio(tp, tp + fp),
            Ratio(2 * tp, 2 * tp + fp + fn),
            mean, sd);
    }

    private static double Ratio(long numerator, long denominator) => denominator == 0 ? double.NaN : (double)numerator / denominator;
}
