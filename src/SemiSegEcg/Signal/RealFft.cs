using System.Buffers;
using System.Numerics;

namespace SemiSegEcg.Signal;

/// <summary>
/// Real-input DFT of one fixed length with numpy's <c>rfft</c> / <c>irfft</c> conventions: the spectrum holds bins
/// 0..n/2; the inverse ignores the imaginary parts of bin 0 and (for even n) of the Nyquist bin n/2.
/// Even lengths run as a complex transform of half the length (two real samples per complex value).
/// Immutable and thread-safe.
/// </summary>
internal sealed class RealFft
{
    private readonly ComplexFft _complex;       // length n/2 for even n, n for odd n
    private readonly Complex[] _halfTwiddles;   // exp(−2πi·k/n), k = 0..n/2 (even n only)

    public RealFft(int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "FFT length must be at least 1");
        Length = length;
        bool packed = length % 2 == 0;
        _complex = FftPlanCache.Complex(packed ? length / 2 : length);
        _halfTwiddles = packed ? ComplexFft.UnitRoots(length, length / 2 + 1) : [];
    }

    public int Length { get; }

    public int SpectrumLength => Length / 2 + 1;

    /// <summary>Unscaled forward transform: bins 0..n/2 of <paramref name="signal"/> into <paramref name="spectrum"/>.</summary>
    public void Forward(ReadOnlySpan<double> signal, Span<Complex> spectrum)
    {
        if (signal.Length != Length) throw new ArgumentException($"real FFT of length {Length} got {signal.Length} samples", nameof(signal));
        if (spectrum.Length != SpectrumLength) throw new ArgumentException($"real FFT of length {Length} needs {SpectrumLength} bins, got {spectrum.Length}", nameof(spectrum));
        int n = Length;
        if (n % 2 == 1)
        {
            Complex[] rented = ArrayPool<Complex>.Shared.Rent(n);
            try
            {
                Span<Complex> z = rented.AsSpan(0, n);
                for (int j = 0; j < n; j++) z[j] = new Complex(signal[j], 0.0);
                _complex.Forward(z);
                z[..SpectrumLength].CopyTo(spectrum);
                spectrum[0] = new Complex(spectrum[0].Real, 0.0);
            }
            finally
            {
                ArrayPool<Complex>.Shared.Return(rented);
            }
            return;
        }

        int h = n / 2;
        Complex[] rentedHalf = ArrayPool<Complex>.Shared.Rent(h);
        try
        {
            Span<Complex> z = rentedHalf.AsSpan(0, h);
            for (int j = 0; j < h; j++) z[j] = new Complex(signal[2 * j], signal[2 * j + 1]);
            _complex.Forward(z);
            // Split the packed spectrum into the transforms of the even and odd samples, then combine them.
            spectrum[0] = new Complex(z[0].Real + z[0].Imaginary, 0.0);
            spectrum[h] = new Complex(z[0].Real - z[0].Imaginary, 0.0);
            for (int k = 1; k < h; k++)
            {
                Complex zk = z[k];
                Complex zc = Complex.Conjugate(z[h - k]);
                Complex even = 0.5 * (zk + zc);
                Complex diff = zk - zc;
                var odd = new Complex(0.5 * diff.Imaginary, -0.5 * diff.Real); // (zk − zc)/(2i)
                spectrum[k] = even + _halfTwiddles[k] * odd;
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(rentedHalf);
        }
    }

    /// <summary>
    /// Unscaled inverse (no 1/n): <c>x[t] = Σ_k X̃[k]·exp(+2πi·kt/n)</c> over the Hermitian extension of bins 0..n/2,
    /// with the imaginary parts of bin 0 and of the Nyquist bin dropped, as numpy's <c>irfft</c> does.
    /// </summary>
    public void InverseUnscaled(ReadOnlySpan<Complex> spectrum, Span<double> signal)
    {
        if (signal.Length != Length) throw new ArgumentException($"real FFT of length {Length} got {signal.Length} output samples", nameof(signal));
        if (spectrum.Length != SpectrumLength) throw new ArgumentException($"real FFT of length {Length} needs {SpectrumLength} bins, got {spectrum.Length}", nameof(spectrum));
        int n = Length;
        if (n % 2 == 1)
        {
            Complex[] rented = ArrayPool<Complex>.Shared.Rent(n);
            try
            {
                Span<Complex> z = rented.AsSpan(0, n);
                z[0] = new Complex(spectrum[0].Real, 0.0);
                for (int k = 1; k < SpectrumLength; k++)
                {
                    z[k] = spectrum[k];
                    z[n - k] = Complex.Conjugate(spectrum[k]);
                }
                _complex.InverseUnscaled(z);
                for (int t = 0; t < n; t++) signal[t] = z[t].Real;
            }
            finally
            {
                ArrayPool<Complex>.Shared.Return(rented);
            }
            return;
        }

        int h = n / 2;
        Complex[] rentedHalf = ArrayPool<Complex>.Shared.Rent(h);
        try
        {
            Span<Complex> z = rentedHalf.AsSpan(0, h);
            var dc = new Complex(spectrum[0].Real, 0.0);
            var nyquist = new Complex(spectrum[h].Real, 0.0);
            for (int k = 0; k < h; k++)
            {
                Complex xk = k == 0 ? dc : spectrum[k];
                Complex xc = Complex.Conjugate(h - k == h ? nyquist : spectrum[h - k]);
                Complex even = xk + xc;
                Complex odd = (xk - xc) * Complex.Conjugate(_halfTwiddles[k]);
                z[k] = new Complex(even.Real - odd.Imaginary, even.Imaginary + odd.Real); // even + i·odd
            }
            _complex.InverseUnscaled(z);
            for (int m = 0; m < h; m++)
            {
                signal[2 * m] = z[m].Real;
                signal[2 * m + 1] = z[m].Imaginary;
            }
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(rentedHalf);
        }
    }
}
