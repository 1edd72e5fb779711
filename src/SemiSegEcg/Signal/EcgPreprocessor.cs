namespace SemiSegEcg.Signal;

/// <summary>
/// Runs a <see cref="Preprocessing"/>: the reference loader's deterministic steps for one lead
/// (docs/reference/original-behaviour.md#loading-a-sample, steps 3, 4 and 7): FFT resample to the target length (only
/// when the length differs) with labels by zero-order hold; the zero-phase Butterworth stages in order (high-pass then
/// low-pass in the benchmark); standardize. All arithmetic is float64; only <see cref="Standardize"/> returns float32.
/// Immutable and thread-safe; the filter designs are computed once.
/// </summary>
public sealed class EcgPreprocessor
{
    private readonly FilterDesign[] _filters;

    /// <summary>The shipped preprocessing (<see cref="Preprocessing.Shipped"/>).</summary>
    public EcgPreprocessor()
        : this(Preprocessing.Shipped)
    {
    }

    /// <exception cref="ArgumentException">The settings are unusable (see <see cref="Preprocessing.Problem"/>).</exception>
    public EcgPreprocessor(Preprocessing settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Problem() is string problem) throw new ArgumentException($"preprocessing {problem}", nameof(settings));
        Settings = settings;
        _filters = settings.Filters.Select(stage => new FilterDesign(stage.Design(settings.SamplingRateHz))).ToArray();
    }

    public Preprocessing Settings { get; }

    public int TargetLengthSamples => Settings.LengthSamples;

    public double SamplingRateHz => Settings.SamplingRateHz;

    /// <summary>The design of the first high-pass stage, rows [b0, b1, b2, a0, a1, a2] (a copy).</summary>
    /// <exception cref="InvalidOperationException">The preprocessing has no high-pass stage.</exception>
    public double[,] HighpassSos => FirstDesign(FilterType.Highpass);

    /// <summary>The design of the first low-pass stage, rows [b0, b1, b2, a0, a1, a2] (a copy).</summary>
    /// <exception cref="InvalidOperationException">The preprocessing has no low-pass stage.</exception>
    public double[,] LowpassSos => FirstDesign(FilterType.Lowpass);

    /// <summary>Resample (if needed) and filter; the result is what the augmentations receive (not standardized).</summary>
    public double[] ResampleAndFilter(ReadOnlySpan<double> signal)
    {
        if (signal.Length == 0) throw new ArgumentException("signal is empty", nameof(signal));
        double[] resampled = signal.Length == TargetLengthSamples
            ? signal.ToArray()
            : FourierResampler.Resample(signal, TargetLengthSamples);
        return FilterOnly(resampled);
    }

    /// <summary>Every filter stage in order (zero-phase) on a signal already at the model rate; a copy when there is none.</summary>
    public double[] FilterOnly(double[] signal)
    {
        double[] filtered = signal;
        foreach (var filter in _filters) filtered = filter.FiltFilt(filtered);
        return ReferenceEquals(filtered, signal) ? (double[])signal.Clone() : filtered;
    }

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

    private double[,] FirstDesign(FilterType type)
    {
        int index = Array.FindIndex(Settings.Filters.ToArray(), stage => stage.Type == type);
        if (index < 0) throw new InvalidOperationException($"the preprocessing ({Settings.Describe()}) has no {type} stage");
        return (double[,])_filters[index].Sos.Clone();
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
