using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// The paper metric <c>mIoU_pooled</c> (docs/reference/original-behaviour.md#paper-metrics, notebook <c>perf_eval.ipynb</c>): per class, intersections and
/// unions are summed over all samples and time steps, IoU_c = I/U (0 when U = 0), and the mean is over the four
/// classes including background. Positions whose truth is <see cref="WaveLabels.Ignore"/> are skipped.
/// Feed one sample at a time.
/// </summary>
public sealed class PooledIou
{
    /// <summary>The paper's metric in the report, its first column and the ratio plot's.</summary>
    public static MetricEntry Metric { get; } = new("mIoU_pooled", "Pooled mIoU (%)", 100, "0.0", HigherIsBetter: true, InTables: true);

    private readonly long[] _intersection = new long[WaveLabels.ClassCount];
    private readonly long[] _union = new long[WaveLabels.ClassCount];

    public int SampleCount { get; private set; }

    /// <summary>Summed |pred ∧ truth| per class.</summary>
    public IReadOnlyList<long> Intersection => _intersection;

    /// <summary>Summed |pred ∨ truth| per class.</summary>
    public IReadOnlyList<long> Union => _union;

    /// <summary>IoU per class (background, P, QRS, T).</summary>
    public double[] PerClass => Enumerable.Range(0, WaveLabels.ClassCount)
        .Select(c => _union[c] == 0 ? 0.0 : (double)_intersection[c] / _union[c]).ToArray();

    /// <summary>Mean of <see cref="PerClass"/> over all four classes.</summary>
    public double Mean => PerClass.Average();

    public void Add(ReadOnlySpan<long> truth, ReadOnlySpan<long> prediction)
    {
        LabelChecks.Validate(truth, prediction, SampleCount);
        for (int i = 0; i < truth.Length; i++)
        {
            long g = truth[i];
            if (g == WaveLabels.Ignore) continue;
            long p = prediction[i];
            if (g == p)
            {
                _intersection[g]++;
                _union[g]++;
            }
            else
            {
                _union[g]++;
                _union[p]++;
            }
        }
        SampleCount++;
    }

    public void Add(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> prediction) =>
        Add(LabelChecks.Widen(truth), LabelChecks.Widen(prediction));

    /// <summary>
    /// Adds one sample from probabilities <c>(C=4, T)</c> with the notebook's tie rule: every class equal to the
    /// per-position maximum is predicted (see <see cref="OneHotFromProbabilities.Compute(ReadOnlySpan{float})"/>).
    /// </summary>
    public void AddProbabilities(ReadOnlySpan<float> probabilities, ReadOnlySpan<long> truth)
    {
        int length = OneHotFromProbabilities.LengthOf(probabilities);
        if (length != truth.Length)
            throw new ArgumentException(
                $"sample {SampleCount}: truth has {truth.Length} time steps, probabilities have {length} (layout (C, T))");
        LabelChecks.ValidateTruth(truth, SampleCount);
        for (int t = 0; t < length; t++)
        {
            long g = truth[t];
            if (g == WaveLabels.Ignore) continue;
            float max = OneHotFromProbabilities.MaxAt(probabilities, length, t);
            for (int c = 0; c < WaveLabels.ClassCount; c++)
            {
                bool predicted = probabilities[c * length + t] == max;
                bool actual = g == c;
                if (predicted && actual) _intersection[c]++;
                if (predicted || actual) _union[c]++;
            }
        }
        SampleCount++;
    }
}
