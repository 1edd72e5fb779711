namespace SemiSegEcg.Signal;

/// <summary>
/// The reference loader's deterministic steps for one lead (docs/reference/original-behaviour.md#loading-a-sample, steps 3, 4 and 7): FFT resample to
/// the target length (only when the length differs) with labels by zero-order hold; zero-phase Butterworth
/// high-pass then low-pass; standardize. All arithmetic is float64; only <see cref="Standardize"/> returns float32.
/// Immutable and thread-safe; the filter designs are computed once.
/// </summary>
public sealed class EcgPreprocessor
{
    private readonly FilterDesign _highpass;
    private readonly FilterDesign _lowpass;

    public EcgPreprocessor(
        int targetLengthSamples = 2500,
        double samplingRateHz = 250.0,
        double highpassCutoffHz = 0.67,
        double lowpassCutoffHz = 40.0,
        int filterOrder = 5)
    {
        if (targetLengthSamples < 1)
            throw new ArgumentOutOfRangeException(nameof(targetLengthSamples), targetLengthSamples, "target length must be at least 1 sample");
        TargetLengthSamples = targetLengthSamples;
        SamplingRateHz = samplingRateHz;
        HighpassCutoffHz = highpassCutoffHz;
        LowpassCutoffHz = lowpassCutoffHz;
        FilterOrder = filterOrder;
        _highpass = new FilterDesign(ButterworthDesign.Sos(filterOrder, highpassCutoffHz, samplingRateHz, FilterType.Highpass));
        _lowpass = new FilterDesign(ButterworthDesign.Sos(filterOrder, lowpassCutoffHz, samplingRateHz, FilterType.Lowpass));
        if (targetLengthSamples <= Math.Max(_highpass.PadLength, _lowpass.PadLength))
            throw new ArgumentOutOfRangeException(nameof(targetLengthSamples), targetLengthSamples,
                $"target length must exceed the filter pad length {Math.Max(_highpass.PadLength, _lowpass.PadLength)}");
    }

    public int TargetLengthSamples { get; }

    public double SamplingRateHz { get; }

    public double HighpassCutoffHz { get; }

    public double LowpassCutoffHz { get; }

    public int FilterOrder { get; }

    /// <summary>The high-pass design, rows [b0, b1, b2, a0, a1, a2] (a copy).</summary>
    public double[,] HighpassSos => (double[,])_highpass.Sos.Clone();

    /// <summary>The low-pass design, rows [b0, b1, b2, a0, a1, a2] (a copy).</summary>
    public double[,] LowpassSos => (double[,])_lowpass.Sos.Clone();

    /// <summary>Resample (if needed) and filter; the result is what the augmentations receive (not standardized).</summary>
    public double[] ResampleAndFilter(ReadOnlySpan<double> signal)
    {
        if (signal.Length == 0) throw new ArgumentException("signal is empty", nameof(signal));
        double[] resampled = signal.Length == TargetLengthSamples
            ? signal.ToArray()
            : FourierResampler.Resample(signal, TargetLengthSamples);
        return FilterOnly(resampled);
    }

    /// <summary>High-pass then low-pass (zero-phase) of a signal already at the model rate.</summary>
    public double[] FilterOnly(double[] signal) => _lowpass.FiltFilt(_highpass.FiltFilt(signal));

    /// <summary>z-score in float64, then round to float32 (the loader's final transform).</summary>
    public float[] Standardize(ReadOnlySpan<double> signal)
    {
        var result = new float[signal.Length];
        Standardizer.StandardizeInto(signal, result);
        return result;
    }

    /// <summary>Zero-order-hold resampling of the labels to the target length (a copy when already that long).</summary>
    public long[] ResampleLabels(ReadOnlySpan<long> labels) =>
        labels.Length == TargetLengthSamples ? labels.ToArray() : LabelResampler.ZeroOrderHold(labels, TargetLengthSamples);

    /// <inheritdoc cref="ResampleLabels(ReadOnlySpan{long})"/>
    public byte[] ResampleLabels(ReadOnlySpan<byte> labels) =>
        labels.Length == TargetLengthSamples ? labels.ToArray() : LabelResampler.ZeroOrderHold(labels, TargetLengthSamples);

    /// <summary>All deterministic steps on a signal alone (an unlabeled lead).</summary>
    public float[] Process(ReadOnlySpan<double> signal) => Standardize(ResampleAndFilter(signal));

    /// <summary>All deterministic steps on a labeled lead; signal and labels must have the same length.</summary>
    public PreprocessedEcg Process(ReadOnlySpan<double> signal, ReadOnlySpan<long> labels)
    {
        if (labels.Length != signal.Length)
            throw new ArgumentException($"labels have {labels.Length} samples but the signal has {signal.Length}", nameof(labels));
        return new PreprocessedEcg(Process(signal), ResampleLabels(labels));
    }

    private sealed class FilterDesign
    {
        private readonly double[] _flat;
        private readonly double[,] _steadyState;

        public FilterDesign(double[,] sos)
        {
            Sos = sos;
            _flat = SosFilter.Flatten(sos);
            _steadyState = SosFilter.SteadyStateInitialConditions(sos);
            PadLength = SosFilter.PadLength(sos);
        }

        public double[,] Sos { get; }

        public int PadLength { get; }

        public double[] FiltFilt(ReadOnlySpan<double> x) => SosFilter.FiltFilt(_flat, _steadyState, PadLength, x);
    }
}
