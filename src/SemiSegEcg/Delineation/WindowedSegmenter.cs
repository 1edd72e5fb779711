using SemiSegEcg.Data;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Runs a fixed-length segmentation model over recordings of any rate and length, independent of the model.
/// <para>Per lead: the lead is brought to the model rate and filtered as the model was trained
/// (<see cref="WindowingOptions.Preprocessing"/>; 250 Hz and 0.67–40 Hz for the shipped models), cut into windows, each
/// window is standardized, all windows of all leads go to the predictor in batches, and the predicted probabilities are
/// stitched back into one track per lead and mapped to the native rate.</para>
/// <list type="bullet">
/// <item><b>Exactly one window long</b> (a 10-s record at any rate): the benchmark's own path,
/// <see cref="EcgPreprocessor.ResampleAndFilter"/> then <see cref="EcgPreprocessor.Standardize"/>, bit for bit.</item>
/// <item><b>Shorter</b>: resampled to its own length at the model rate, its median subtracted, zero-padded at the end to one
/// window (as the benchmark's data were brought to 10 s by zero padding), then the same path; the prediction is
/// trimmed back. The median is removed first so the padding does not add a step at the seam.</item>
/// <item><b>Longer</b>: resampled as a whole (up to <see cref="WindowingOptions.WholeRecordResampleMaxSeconds"/>, else
/// in chunks), filtered as a whole with the model's filters, then windows every
/// <see cref="WindowingOptions.Hop"/> samples with the last window flush with the end. Overlapping probabilities are
/// averaged with weights that ramp linearly over <see cref="WindowingOptions.RampSamples"/> at both window edges,
/// so each window's uncertain edges count less.</item>
/// </list>
/// </summary>
public sealed class WindowedSegmenter
{
    private const int ClassCount = WaveLabels.ClassCount;
    private readonly Func<float[][], float[][]> _predictBatch;
    private readonly EcgPreprocessor _preprocessor;
    private readonly float[] _weights;

    /// <param name="predictBatch">Gets a batch of standardized windows (each <see cref="WindowingOptions.WindowLengthSamples"/>
    /// samples at the model rate) and returns, per window, softmax probabilities of the 4 classes, class-major
    /// (<c>[c · length + k]</c>).</param>
    public WindowedSegmenter(Func<float[][], float[][]> predictBatch, WindowingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(predictBatch);
        Options = options ?? new WindowingOptions();
        Options.Validate();
        _predictBatch = predictBatch;
        _preprocessor = new EcgPreprocessor(Options.Preprocessing);
        _weights = WindowWeights(Options.WindowLengthSamples, Options.RampSamples);
    }

    public WindowingOptions Options { get; }

    /// <summary>Window starts (model-rate samples) for a lead of <paramref name="stepLength"/> samples, in prediction order.</summary>
    public static IReadOnlyList<int> WindowStarts(int stepLength, int windowLength, int hop)
    {
        if (stepLength <= windowLength) return [0];
        var starts = new List<int>();
        for (int start = 0; ; start += hop)
        {
            if (start + windowLength >= stepLength)
            {
                starts.Add(stepLength - windowLength);
                return starts;
            }
            starts.Add(start);
        }
    }

    /// <summary>Stitching weight of each window position: 1 in the middle, linear ramps of <paramref name="ramp"/> samples at the edges.</summary>
    public static float[] WindowWeights(int windowLength, int ramp)
    {
        var w = new float[windowLength];
        for (int i = 0; i < windowLength; i++)
            w[i] = (float)Math.Min(1.0, Math.Min(i + 1, windowLength - i) / (ramp + 1.0));
        return w;
    }

    /// <summary>Model-rate length of a recording: its duration times the model rate, rounded.</summary>
    public int StepLength(RecordingInput input) =>
        Math.Max(1, (int)Math.Round(input.LengthSamples * Options.SamplingRateHz / input.SamplingRateHz));

    public RecordingSegmentation Segment(RecordingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.Validate();
        int window = Options.WindowLengthSamples;
        int stepLength = StepLength(input);
        var prepared = new PreparedLead[input.LeadCount];
        double nativePerStep = (double)input.LengthSamples / stepLength;
        for (int lead = 0; lead < input.LeadCount; lead++)
        {
            prepared[lead] = Prepare(input.Leads[lead], input.SamplingRateHz, stepLength, out double perStep);
            nativePerStep = perStep;
        }
        var grid = new ResamplingGrid(input.LengthSamples, stepLength, nativePerStep);

        var starts = WindowStarts(stepLength, window, Options.Hop);
        var jobs = new List<(int Lead, int Start)>(input.LeadCount * starts.Count);
        for (int lead = 0; lead < input.LeadCount; lead++)
        {
            foreach (int start in starts) jobs.Add((lead, start));
        }

        int accumulatorLength = Math.Max(stepLength, window);
        var sums = new double[input.LeadCount][];
        for (int lead = 0; lead < input.LeadCount; lead++) sums[lead] = new double[ClassCount * accumulatorLength];
        var weightSum = new double[accumulatorLength];
        foreach (int start in starts)
        {
            for (int i = 0; i < window; i++) weightSum[start + i] += _weights[i];
        }

        for (int first = 0; first < jobs.Count; first += Options.MaxBatchSize)
        {
            int count = Math.Min(Options.MaxBatchSize, jobs.Count - first);
            var batch = new float[count][];
            for (int j = 0; j < count; j++)
            {
                var (lead, start) = jobs[first + j];
                batch[j] = new float[window];
                Standardizer.StandardizeInto(prepared[lead].Filtered.AsSpan(start, window), batch[j]);
            }
            float[][] predicted = _predictBatch(batch);
            CheckPrediction(predicted, count, window, first);
            for (int j = 0; j < count; j++)
            {
                var (lead, start) = jobs[first + j];
                Accumulate(predicted[j], sums[lead], accumulatorLength, start);
            }
        }

        var leads = new LeadSegmentation[input.LeadCount];
        for (int lead = 0; lead < input.LeadCount; lead++)
        {
            var probabilities = new float[ClassCount * stepLength];
            var stepLabels = new byte[stepLength];
            for (int k = 0; k < stepLength; k++)
            {
                int best = 0;
                float bestValue = float.NegativeInfinity;
                for (int c = 0; c < ClassCount; c++)
                {
                    float p = (float)(sums[lead][c * accumulatorLength + k] / weightSum[k]);
                    probabilities[c * stepLength + k] = p;
                    if (p > bestValue)
                    {
                        bestValue = p;
                        best = c;
                    }
                }
                stepLabels[k] = (byte)best;
            }
            leads[lead] = new LeadSegmentation(input.LeadNames[lead], probabilities, stepLabels, grid.ToNativeLabels(stepLabels));
        }
        return new RecordingSegmentation(input, grid, leads, jobs.Count);
    }

    private void Accumulate(float[] prediction, double[] sums, int accumulatorLength, int start)
    {
        int window = Options.WindowLengthSamples;
        for (int c = 0; c < ClassCount; c++)
        {
            var source = prediction.AsSpan(c * window, window);
            var target = sums.AsSpan(c * accumulatorLength + start, window);
            for (int i = 0; i < window; i++) target[i] += _weights[i] * source[i];
        }
    }

    private void CheckPrediction(float[][] predicted, int count, int window, int firstJob)
    {
        if (predicted is null || predicted.Length != count)
            throw new InvalidOperationException($"the predictor returned {predicted?.Length ?? 0} outputs for a batch of {count} windows");
        for (int j = 0; j < count; j++)
        {
            float[] p = predicted[j];
            if (p is null || p.Length != ClassCount * window)
                throw new InvalidOperationException(
                    $"the predictor returned {p?.Length ?? 0} values for window {firstJob + j}, expected {ClassCount}×{window} class-major probabilities");
            foreach (float v in p)
            {
                if (!float.IsFinite(v)) throw new InvalidOperationException($"the predictor returned {v} in window {firstJob + j}");
            }
        }
    }

    /// <summary>One lead at the model rate, filtered, at least one window long.</summary>
    private readonly record struct PreparedLead(double[] Filtered);

    private PreparedLead Prepare(double[] native, double rateHz, int stepLength, out double nativePerStep)
    {
        int window = Options.WindowLengthSamples;
        nativePerStep = (double)native.Length / stepLength;
        if (stepLength == window) return new PreparedLead(_preprocessor.ResampleAndFilter(native));

        if (stepLength < window)
        {
            double[] resampled = native.Length == stepLength ? (double[])native.Clone() : FourierResampler.Resample(native, stepLength);
            double median = Percentile.Linear(resampled, 50);
            var padded = new double[window];
            for (int i = 0; i < stepLength; i++) padded[i] = resampled[i] - median;
            return new PreparedLead(_preprocessor.ResampleAndFilter(padded));
        }

        double[] atStepRate;
        if (native.Length == stepLength)
        {
            atStepRate = native;
        }
        else if (native.Length / rateHz <= Options.WholeRecordResampleMaxSeconds)
        {
            atStepRate = FourierResampler.Resample(native, stepLength);
        }
        else
        {
            const double chunkSeconds = 60, marginSeconds = 4;
            double[]? chunked = ChunkedResampler.TryResample(native, rateHz, Options.SamplingRateHz, chunkSeconds, marginSeconds, out double exact);
            if (chunked is not null && chunked.Length == stepLength)
            {
                atStepRate = chunked;
                nativePerStep = exact;
            }
            else
            {
                atStepRate = FourierResampler.Resample(native, stepLength);
            }
        }
        return new PreparedLead(_preprocessor.FilterOnly(atStepRate));
    }
}
