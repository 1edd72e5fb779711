using SemiSegEcg.Evaluation;

namespace SemiSegEcg.Delineation.Scoring;

/// <summary>
/// Accumulates the literature's delineation scores over records and leads. For every <see cref="Fiducial"/> the
/// reference and predicted marks of one record/lead are matched one to one by <see cref="BoundaryMatcher"/> within the
/// tolerance (inclusive: |predicted − reference| ≤ floor(toleranceMs · fs / 1000) samples, so 150 ms at 500 Hz is
/// 75 samples and exactly 150 ms still matches). A matched pair is a true positive with signed error
/// predicted − reference (negative = the prediction is early); an unmatched reference mark is a miss; an unmatched
/// prediction is a false positive only inside the reference's <see cref="AnnotatedSpans"/>.
/// </summary>
public sealed class FiducialScorer
{
    public const double DefaultToleranceMs = 150;

    private static readonly Fiducial[] All = Enum.GetValues<Fiducial>();

    private readonly long[] _references = new long[All.Length];
    private readonly long[] _falsePositives = new long[All.Length];
    private readonly List<double>[] _errorsMs = All.Select(_ => new List<double>()).ToArray();
    private bool _bestOfLeads;

    public FiducialScorer(double toleranceMs = DefaultToleranceMs)
    {
        if (!(toleranceMs >= 0) || double.IsInfinity(toleranceMs))
            throw new ArgumentOutOfRangeException(nameof(toleranceMs), toleranceMs, "tolerance must be a finite number of ms ≥ 0");
        ToleranceMs = toleranceMs;
    }

    public double ToleranceMs { get; }

    /// <summary>Scored record/lead pairs (or records, for <see cref="AddBestOf"/>).</summary>
    public int Units { get; private set; }

    /// <summary>Scores one lead's predictions against its reference.</summary>
    public void Add(FiducialMarks reference, FiducialMarks predicted, AnnotatedSpans spans, double samplingRateHz)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(spans);
        if (_bestOfLeads) throw new InvalidOperationException("this scorer pools best-of-leads results; use another for single leads");
        int tolerance = BoundaryMetrics.ToleranceInSamples(ToleranceMs, samplingRateHz);
        foreach (var f in All)
        {
            IReadOnlyList<int> truth = reference[f], guesses = predicted[f];
            var match = BoundaryMatcher.MatchedPredictions(truth, guesses, tolerance);
            var used = new bool[guesses.Count];
            for (int t = 0; t < truth.Count; t++)
            {
                if (match[t] < 0) continue;
                used[match[t]] = true;
                _errorsMs[(int)f].Add((guesses[match[t]] - truth[t]) * 1000.0 / samplingRateHz);
            }
            for (int p = 0; p < guesses.Count; p++)
            {
                if (!used[p] && spans.Contains(guesses[p])) _falsePositives[(int)f]++;
            }
            _references[(int)f] += truth.Count;
        }
        Units++;
    }

    /// <summary>
    /// "Best lead" scoring of one record annotated once for all its leads (QTDB): each leads' predictions are matched
    /// to the reference separately, and every reference mark takes the matched prediction with the smallest |error|
    /// over the leads (a miss only when no lead matched it). It is an oracle choice of lead per mark, as the
    /// literature's best-lead figures are, so it bounds the errors from below; false positives, which belong to one
    /// lead, are not defined for it and PPV is left out.
    /// </summary>
    public void AddBestOf(FiducialMarks reference, IReadOnlyList<FiducialMarks> predictedPerLead, double samplingRateHz)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(predictedPerLead);
        if (predictedPerLead.Count == 0) throw new ArgumentException("no leads to choose from", nameof(predictedPerLead));
        if (Units > 0 && !_bestOfLeads) throw new InvalidOperationException("this scorer pools single-lead results; use another for the best lead");
        _bestOfLeads = true;
        int tolerance = BoundaryMetrics.ToleranceInSamples(ToleranceMs, samplingRateHz);
        foreach (var f in All)
        {
            IReadOnlyList<int> truth = reference[f];
            var best = new int?[truth.Count];
            foreach (var lead in predictedPerLead)
            {
                var match = BoundaryMatcher.MatchedPredictions(truth, lead[f], tolerance);
                for (int t = 0; t < truth.Count; t++)
                {
                    if (match[t] < 0) continue;
                    int error = lead[f][match[t]] - truth[t];
                    if (best[t] is not int b || Math.Abs(error) < Math.Abs(b)) best[t] = error;
                }
            }
            foreach (int? e in best)
            {
                if (e is int error) _errorsMs[(int)f].Add(error * 1000.0 / samplingRateHz);
            }
            _references[(int)f] += truth.Count;
        }
        Units++;
    }

    public FiducialTable ToTable(string name) =>
        new(name, ToleranceMs, Units, All.Select(f => Score(f)).ToArray());

    private FiducialScore Score(Fiducial f)
    {
        var errors = _errorsMs[(int)f];
        double mean = errors.Count == 0 ? double.NaN : errors.Average();
        double sd = errors.Count == 0 ? double.NaN : Math.Sqrt(errors.Sum(e => (e - mean) * (e - mean)) / errors.Count);
        return new FiducialScore(f, _references[(int)f], errors.Count, _bestOfLeads ? null : _falsePositives[(int)f], mean, sd);
    }
}
