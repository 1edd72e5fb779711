using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// The notebook's interval MAEs: per record, <see cref="IntervalExtractor"/> on truth and prediction; MAE_X is the
/// mean over records of |pred_X − true_X|, with 0 ms standing for "not found" on either side (so a miss costs the
/// whole interval and "both missing" scores 0 error, as in the reference); MAE (Avg.) is the mean of the three.
/// Where the truth is <see cref="WaveLabels.Ignore"/> the prediction is ignored too, before extraction.
/// </summary>
public sealed class IntervalErrors(double samplingRateHz = IntervalExtractor.DefaultSamplingRateHz)
{
    public static MetricEntry AverageMetric { get; } = new("MAE_avg_ms", "Interval MAE, mean of PR/QRS/QT (ms)", 1, "0.0", HigherIsBetter: false, InTables: true);

    public static MetricEntry PrMetric { get; } = new("MAE_PR_ms", "PR interval MAE (ms)", 1, "0.0", HigherIsBetter: false, InTables: false);

    public static MetricEntry QrsMetric { get; } = new("MAE_QRS_ms", "QRS duration MAE (ms)", 1, "0.0", HigherIsBetter: false, InTables: false);

    public static MetricEntry QtMetric { get; } = new("MAE_QT_ms", "QT interval MAE (ms)", 1, "0.0", HigherIsBetter: false, InTables: false);

    private readonly List<IntervalNumerics> _truths = [];
    private readonly List<IntervalNumerics> _predictions = [];

    public double SamplingRateHz { get; } = samplingRateHz > 0
        ? samplingRateHz
        : throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be positive");

    public int RecordCount => _truths.Count;
    public IReadOnlyList<IntervalNumerics> PerRecordTruth => _truths;
    public IReadOnlyList<IntervalNumerics> PerRecordPrediction => _predictions;

    public double MaePrMs => Mae(n => n.PrIntervalMs);
    public double MaeQrsMs => Mae(n => n.QrsDurationMs);
    public double MaeQtMs => Mae(n => n.QtIntervalMs);
    public double MaeAverageMs => (MaePrMs + MaeQrsMs + MaeQtMs) / 3;

    public void Add(ReadOnlySpan<long> truth, ReadOnlySpan<long> prediction)
    {
        LabelChecks.Validate(truth, prediction, RecordCount);
        _truths.Add(IntervalExtractor.Compute(truth, SamplingRateHz));
        _predictions.Add(IntervalExtractor.Compute(LabelChecks.MaskIgnored(truth, prediction), SamplingRateHz));
    }

    /// <summary>NaN before any record.</summary>
    private double Mae(Func<IntervalNumerics, double> select)
    {
        if (RecordCount == 0) return double.NaN;
        double sum = 0;
        for (int i = 0; i < RecordCount; i++) sum += Math.Abs(select(_predictions[i]) - select(_truths[i]));
        return sum / RecordCount;
    }
}
