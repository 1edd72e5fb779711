using SemiSegEcg.Data;
using System.Globalization;

namespace SemiSegEcg.Evaluation;

/// <summary>
/// Every metric of one test run. The three families are deliberately kept apart:
/// <list type="bullet">
/// <item><c>mIoU_pooled</c> (<see cref="PooledMeanIou"/>): the paper's metric, <see cref="PooledIou"/>;</item>
/// <item><c>mIoU_sample</c> (<see cref="SampleMeanIou"/>): the validation/checkpoint metric, per-sample torchmetrics
/// MeanIoU averaged over samples (<see cref="Evaluation.SampleMeanIou"/>);</item>
/// <item>interval MAEs of the paper notebook (<see cref="IntervalErrors"/>);</item>
/// <item>and, beyond the original, boundary detection scores at 150 ms and 40 ms (<see cref="BoundaryMetrics"/>).</item>
/// </list>
/// </summary>
public sealed record EvaluationReport(
    int SampleCount,
    double PooledMeanIou,
    IReadOnlyList<double> PooledIouPerClass,
    double SampleMeanIou,
    double MaePrMs,
    double MaeQrsMs,
    double MaeQtMs,
    double MaeAverageMs,
    BoundaryReport Boundaries150Ms,
    BoundaryReport Boundaries40Ms)
{
    public const double WideToleranceMs = 150;
    public const double NarrowToleranceMs = 40;

    /// <summary>Evaluates label sequences (one <c>long[T]</c> per sample; truth may hold <see cref="WaveLabels.Ignore"/>).</summary>
    public static EvaluationReport Compute(
        IReadOnlyList<long[]> truths, IReadOnlyList<long[]> predictions, double samplingRateHz = IntervalExtractor.DefaultSamplingRateHz)
    {
        if (truths.Count != predictions.Count)
            throw new ArgumentException($"{truths.Count} truth samples but {predictions.Count} predictions");
        var pooled = new PooledIou();
        return Accumulate(truths, predictions, samplingRateHz, pooled, i => pooled.Add(truths[i], predictions[i]));
    }

    /// <summary>
    /// Evaluates a run's test outputs as the notebook does: pooled IoU from the probabilities with the tie one-hot,
    /// every other metric from argmax labels.
    /// </summary>
    public static EvaluationReport Compute(TestOutputs outputs, double samplingRateHz = IntervalExtractor.DefaultSamplingRateHz)
    {
        var pooled = new PooledIou();
        return Accumulate(outputs.Truths, outputs.Predictions, samplingRateHz, pooled,
            i => pooled.AddProbabilities(outputs.ProbabilitiesOf(i), outputs.Truths[i]));
    }

    private static EvaluationReport Accumulate(
        IReadOnlyList<long[]> truths, IReadOnlyList<long[]> predictions, double samplingRateHz, PooledIou pooled, Action<int> addPooled)
    {
        var sample = new SampleMeanIou();
        var intervals = new IntervalErrors(samplingRateHz);
        var wide = new BoundaryMetrics(WideToleranceMs, samplingRateHz);
        var narrow = new BoundaryMetrics(NarrowToleranceMs, samplingRateHz);
        for (int i = 0; i < truths.Count; i++)
        {
            addPooled(i);
            sample.Add(truths[i], predictions[i]);
            intervals.Add(truths[i], predictions[i]);
            wide.Add(truths[i], predictions[i]);
            narrow.Add(truths[i], predictions[i]);
        }
        return new EvaluationReport(
            truths.Count, pooled.Mean, pooled.PerClass, sample.MeanOverSamples,
            intervals.MaePrMs, intervals.MaeQrsMs, intervals.MaeQtMs, intervals.MaeAverageMs,
            wide.ToReport(), narrow.ToReport());
    }

    /// <summary>All values under stable names, for CSV/JSON output and logs.</summary>
    public IReadOnlyList<NamedMetric> ToNamedMetrics()
    {
        string[] classNames = ["bg", "P", "QRS", "T"];
        var metrics = new List<NamedMetric> { new(PooledIou.Metric.Name, PooledMeanIou) };
        for (int c = 0; c < classNames.Length; c++) metrics.Add(new($"IoU_pooled_{classNames[c]}", PooledIouPerClass[c]));
        metrics.Add(new(Evaluation.SampleMeanIou.Metric.Name, SampleMeanIou));
        metrics.Add(new(IntervalErrors.PrMetric.Name, MaePrMs));
        metrics.Add(new(IntervalErrors.QrsMetric.Name, MaeQrsMs));
        metrics.Add(new(IntervalErrors.QtMetric.Name, MaeQtMs));
        metrics.Add(new(IntervalErrors.AverageMetric.Name, MaeAverageMs));
        foreach (var (report, averageF1) in new[] { (Boundaries150Ms, BoundaryMetrics.WideAverageF1), (Boundaries40Ms, BoundaryMetrics.NarrowAverageF1) })
        {
            string at = $"@{report.ToleranceMs.ToString(CultureInfo.InvariantCulture)}ms";
            foreach (var s in report.Scores)
            {
                string name = BoundaryName(s.Kind);
                metrics.Add(new($"{name}_Se{at}", s.Sensitivity));
                metrics.Add(new($"{name}_PPV{at}", s.PositivePredictiveValue));
                metrics.Add(new($"{name}_F1{at}", s.F1));
                metrics.Add(new($"{name}_error_mean_ms{at}", s.MeanErrorMs));
                metrics.Add(new($"{name}_error_sd_ms{at}", s.ErrorSdMs));
            }
            metrics.Add(new(averageF1.Name, report.AverageF1));
        }
        return metrics;
    }

    private static string BoundaryName(BoundaryKind kind) => kind switch
    {
        BoundaryKind.POnset => "P_onset",
        BoundaryKind.POffset => "P_offset",
        BoundaryKind.QrsOnset => "QRS_onset",
        BoundaryKind.QrsOffset => "QRS_offset",
        BoundaryKind.TOnset => "T_onset",
        BoundaryKind.TOffset => "T_offset",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown boundary kind"),
    };
}
