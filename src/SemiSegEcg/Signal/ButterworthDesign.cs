using System.Numerics;

namespace SemiSegEcg.Signal;

/// <summary>
/// Digital Butterworth design as second-order sections, reproducing scipy
/// <c>butter(order, cutoff, btype, fs=fs, output='sos')</c> (docs/reference/original-behaviour.md#filters): analog prototype poles
/// <c>−exp(iπm/(2N))</c>, cutoff pre-warping <c>4·tan(π·Wn/2)</c> with <c>Wn = 2·cutoff/fs</c>, low-/high-pass
/// transform, bilinear transform at fs = 2, then <see cref="ZpkToSos"/> with scipy's 'nearest' pairing.
/// </summary>
public static class ButterworthDesign
{
    /// <summary>Returns sections as rows <c>[b0, b1, b2, a0, a1, a2]</c> (a0 = 1), shape (⌈order/2⌉, 6).</summary>
    public static double[,] Sos(int order, double cutoffHz, double samplingRateHz, FilterType type)
    {
        if (order < 1) throw new ArgumentOutOfRangeException(nameof(order), order, "Butterworth order must be at least 1");
        if (!(samplingRateHz > 0) || double.IsInfinity(samplingRateHz))
            throw new ArgumentOutOfRangeException(nameof(samplingRateHz), samplingRateHz, "sampling rate must be a positive number of Hz");
        double normalized = 2.0 * cutoffHz / samplingRateHz;
        if (!(normalized > 0 && normalized < 1))
            throw new ArgumentOutOfRangeException(nameof(cutoffHz), cutoffHz, $"cutoff must lie strictly between 0 and the Nyquist frequency {samplingRateHz / 2} Hz");

        // Analog prototype (cutoff 1 rad/s): no zeros, poles on the left half of the unit circle, gain 1.
        var poles = new Complex[order];
        for (int i = 0; i < order; i++)
        {
            int m = -order + 1 + 2 * i;
            poles[i] = -Complex.Exp(new Complex(0.0, Math.PI * m / (2.0 * order)));
        }
        // The middle pole of an odd order must be exactly real (scipy gets −exp(0) = −1).
        if (order % 2 == 1) poles[order / 2] = new Complex(-1.0, 0.0);
        Complex[] zeros = [];
        double gain = 1.0;

        const double bilinearFs = 2.0;
        double warped = 2.0 * bilinearFs * Math.Tan(Math.PI * normalized / bilinearFs);

        (zeros, poles, gain) = type switch
        {
            FilterType.Lowpass => LowpassToLowpass(zeros, poles, gain, warped),
            FilterType.Highpass => LowpassToHighpass(zeros, poles, gain, warped),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown filter type"),
        };
        (zeros, poles, gain) = Bilinear(zeros, poles, gain, bilinearFs);
        return ZpkToSos.Convert(zeros, poles, gain);
    }

    private static (Complex[] Zeros, Complex[] Poles, double Gain) LowpassToLowpass(Complex[] z, Complex[] p, double k, double wo)
    {
        int degree = p.Length - z.Length;
        return (Array.ConvertAll(z, v => wo * v), Array.ConvertAll(p, v => wo * v), k * Math.Pow(wo, degree));
    }

    private static (Complex[] Zeros, Complex[] Poles, double Gain) LowpassToHighpass(Complex[] z, Complex[] p, double k, double wo)
    {
        int degree = p.Length - z.Length;
        var zeros = new Complex[z.Length + degree];
        for (int i = 0; i < z.Length; i++) zeros[i] = wo / z[i];
        // Zeros at infinity move to the origin (already zero-initialised).
        Complex[] poles = Array.ConvertAll(p, v => wo / v);
        Complex gainChange = Product(z, v => -v) / Product(p, v => -v);
        return (zeros, poles, k * gainChange.Real);
    }

    private static (Complex[] Zeros, Complex[] Poles, double Gain) Bilinear(Complex[] z, Complex[] p, double k, double fs)
    {
        int degree = p.Length - z.Length;
        double fs2 = 2.0 * fs;
        var zeros = new Complex[z.Length + degree];
        for (int i = 0; i < z.Length; i++) zeros[i] = (fs2 + z[i]) / (fs2 - z[i]);
        // Zeros at infinity map to Nyquist (z = −1).
        for (int i = z.Length; i < zeros.Length; i++) zeros[i] = new Complex(-1.0, 0.0);
        Complex[] poles = Array.ConvertAll(p, v => (fs2 + v) / (fs2 - v));
        Complex gainChange = Product(z, v => fs2 - v) / Product(p, v => fs2 - v);
        return (zeros, poles, k * gainChange.Real);
    }

    private static Complex Product(Complex[] values, Func<Complex, Complex> term)
    {
        Complex product = Complex.One;
        foreach (Complex v in values) product *= term(v);
        return product;
    }
}
