using SemiSegEcg.Signal;

namespace SemiSegEcg.Delineation;

/// <summary>
/// The benchmark's band-pass (zero-phase Butterworth, order 5, 0.67–40 Hz) designed for any sampling rate, for
/// locating wave peaks and for plotting at the native rate. Below 80 Hz the low-pass is left out (its cutoff would
/// reach Nyquist); a signal too short for zero-phase filtering only has its mean removed.
/// </summary>
public sealed class EcgBandPass
{
    public const double HighpassCutoffHz = 0.67;
    public const double LowpassCutoffHz = 40;
    public const int FilterOrder = 5;

    private readonly double[,] _highpass;
    private readonly double[,]? _lowpass;
    private readonly int _padLength;

    public EcgBandPass(double samplingRateHz)
    {
        if (!double.IsFinite(samplingRateHz) || samplingRateHz <= 2 * HighpassCutoffHz)
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, $"sampling rate must exceed {2 * HighpassCutoffHz} Hz");
        SamplingRateHz = samplingRateHz;
        _highpass = ButterworthDesign.Sos(FilterOrder, HighpassCutoffHz, samplingRateHz, FilterType.Highpass);
        _lowpass = samplingRateHz > 2 * LowpassCutoffHz ? ButterworthDesign.Sos(FilterOrder, LowpassCutoffHz, samplingRateHz, FilterType.Lowpass) : null;
        _padLength = Math.Max(SosFilter.PadLength(_highpass), _lowpass is null ? 0 : SosFilter.PadLength(_lowpass));
    }

    public double SamplingRateHz { get; }

    public double[] Apply(ReadOnlySpan<double> signal)
    {
        if (signal.Length == 0) return [];
        if (signal.Length <= _padLength)
        {
            double mean = 0;
            foreach (double v in signal) mean += v;
            mean /= signal.Length;
            var centered = new double[signal.Length];
            for (int i = 0; i < centered.Length; i++) centered[i] = signal[i] - mean;
            return centered;
        }
        double[] highpassed = SosFilter.FiltFilt(_highpass, signal);
        return _lowpass is null ? highpassed : SosFilter.FiltFilt(_lowpass, highpassed);
    }
}
