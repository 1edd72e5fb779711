using SemiSegEcg.Data;
namespace SemiSegEcg.Evaluation;

/// <summary>
/// The validation metric <c>mIoU_sample</c>: torchmetrics 1.5.2 <c>segmentation.MeanIoU</c> (num_classes 4,
/// background included, one-hot input) as the reference uses it (docs/reference/original-behaviour.md#per-sample-miou). Per sample and class,
/// IoU = |p∧g| / (|p| + |g| − |p∧g|), and 0 when that union is empty, so a class absent from both still counts
/// as 0 in the mean over 4 classes. Computed in float32 with torch's summation order, so the values equal the
/// reference's bit for bit. Positions whose truth is <see cref="WaveLabels.Ignore"/> are left out of the counts
/// (a sample that is ignored entirely scores 0).
/// </summary>
public sealed class SampleMeanIou
{
    /// <summary>The per-sample mIoU of the test split in the report.</summary>
    public static MetricEntry Metric { get; } = new("mIoU_sample", "Per-sample mIoU (%)", 100, "0.0", HigherIsBetter: true, InTables: true);

    private readonly List<IReadOnlyList<double>> _perSamplePerClass = [];
    private readonly List<float> _perSample = [];
    private readonly List<double> _perSampleWide = [];

    public int SampleCount => _perSample.Count;

    /// <summary>Per sample, IoU of background, P, QRS, T (float32 values widened).</summary>
    public IReadOnlyList<IReadOnlyList<double>> PerSamplePerClass => _perSamplePerClass;

    /// <summary>Per sample, the mean over the four classes.</summary>
    public IReadOnlyList<double> PerSample => _perSampleWide;

    /// <summary>Plain mean over all samples (torch.mean of the per-sample vector); NaN before any sample.</summary>
    public double MeanOverSamples => SampleCount == 0 ? double.NaN : TorchFloat32Sum.Mean(_perSample.ToArray());

    public void Add(ReadOnlySpan<long> truth, ReadOnlySpan<long> prediction)
    {
        LabelChecks.Validate(truth, prediction, SampleCount);
        Span<long> intersection = stackalloc long[WaveLabels.ClassCount];
        Span<long> truthCount = stackalloc long[WaveLabels.ClassCount];
        Span<long> predictionCount = stackalloc long[WaveLabels.ClassCount];
        for (int i = 0; i < truth.Length; i++)
        {
            long g = truth[i];
            if (g == WaveLabels.Ignore) continue;
            long p = prediction[i];
            truthCount[(int)g]++;
            predictionCount[(int)p]++;
            if (g == p) intersection[(int)g]++;
        }

        var perClass = new float[WaveLabels.ClassCount];
        for (int c = 0; c < WaveLabels.ClassCount; c++)
        {
            long union = truthCount[c] + predictionCount[c] - intersection[c];
            perClass[c] = union == 0 ? 0f : (float)intersection[c] / union;
        }
        float mean = TorchFloat32Sum.Mean(perClass);
        _perSamplePerClass.Add(Array.AsReadOnly(Array.ConvertAll(perClass, v => (double)v)));
        _perSample.Add(mean);
        _perSampleWide.Add(mean);
    }

    public void Add(ReadOnlySpan<byte> truth, ReadOnlySpan<byte> prediction) =>
        Add(LabelChecks.Widen(truth), LabelChecks.Widen(prediction));

    /// <summary>
    /// The reference <c>evaluate()</c> value: samples in order are cut into batches of <paramref name="batchSize"/>
    /// (the last may be smaller), each batch contributes its mean, and the result is the sum of batch means divided by
    /// the number of batches, so a short last batch weighs as much as a full one. NaN before any sample.
    /// </summary>
    public double MeanOfBatchMeans(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (SampleCount == 0) return double.NaN;
        float[] values = _perSample.ToArray();
        float score = 0f;
        int batches = 0;
        for (int start = 0; start < values.Length; start += batchSize, batches++)
        {
            score += TorchFloat32Sum.Mean(values.AsSpan(start, Math.Min(batchSize, values.Length - start)));
        }
        return score / batches;
    }
}
