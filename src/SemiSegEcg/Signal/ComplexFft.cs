using System.Buffers;
using System.Numerics;

namespace SemiSegEcg.Signal;

/// <summary>
/// Unscaled forward DFT <c>X[k] = Σ x[j]·exp(−2πi·jk/n)</c> for one fixed length (a reusable, immutable plan).
/// </summary>
/// <remarks>
/// MathNet.Numerics 5 handles every non-power-of-two length with a Bluestein transform that rebuilds its chirp
/// on each call (measured here: 4.0 ms CPU for n = 5000, 1.5 ms for n = 2500; this class: ~0.03 ms). The augmentation resize runs this
/// for arbitrary lengths on every training item, so lengths built from small primes use a self-sorting
/// (Stockham) mixed-radix transform instead, and lengths with a large prime factor use Bluestein's algorithm
/// on a cached plan of a 2·3·5-smooth length. Tests check this class against MathNet's transform.
/// Plans are immutable and thread-safe; scratch memory comes from <see cref="ArrayPool{T}"/>.
/// </remarks>
internal sealed class ComplexFft
{
    /// <summary>Largest prime factor handled by a direct radix-p butterfly (cost n·p per such stage).</summary>
    private const int MaxDirectRadix = 31;

    private readonly int[] _radices;
    private readonly Complex[] _twiddles; // exp(−2πi·t/n), t = 0..n−1 (mixed-radix plans only)
    private readonly Bluestein? _bluestein;

    public ComplexFft(int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), length, "FFT length must be at least 1");
        Length = length;
        _radices = Factorize(length);
        if (_radices.Length > 0 && _radices.Max() > MaxDirectRadix)
        {
            _radices = [];
            _twiddles = [];
            _bluestein = new Bluestein(length);
        }
        else
        {
            _twiddles = UnitRoots(length, length);
        }
    }

    public int Length { get; }

    /// <summary>In-place unscaled forward transform of <paramref name="data"/> (length <see cref="Length"/>).</summary>
    public void Forward(Span<Complex> data)
    {
        if (data.Length != Length) throw new ArgumentException($"FFT plan of length {Length} got {data.Length} samples", nameof(data));
        if (Length == 1) return;
        if (_bluestein is not null)
        {
            _bluestein.Forward(data);
            return;
        }

        Complex[] rented = ArrayPool<Complex>.Shared.Rent(Length);
        try
        {
            StockhamForward(data, rented.AsSpan(0, Length));
        }
        finally
        {
            ArrayPool<Complex>.Shared.Return(rented);
        }
    }

    /// <summary>In-place unscaled inverse transform (<c>Σ X[k]·exp(+2πi·jk/n)</c>, no 1/n factor).</summary>
    public void InverseUnscaled(Span<Complex> data)
    {
        Conjugate(data);
        Forward(data);
        Conjugate(data);
    }

    /// <summary><c>exp(−2πi·t/period)</c> for t = 0..count−1, each within a few ulps (two-level table, few sin/cos calls).</summary>
    internal static Complex[] UnitRoots(int period, int count)
    {
        var roots = new Complex[count];
        int block = (int)Math.Ceiling(Math.Sqrt(count));
        var fine = new Complex[block];
        for (int lo = 0; lo < block; lo++) fine[lo] = Root(lo, period);
        for (int hi = 0, start = 0; start < count; hi++, start += block)
        {
            Complex coarse = Root((long)hi * block, period);
            int end = Math.Min(count, start + block);
            for (int t = start; t < end; t++) roots[t] = coarse * fine[t - start];
        }
        return roots;
    }

    private static Complex Root(long t, long period)
    {
        // Reduce the angle exactly in integers before scaling, so large t loses no precision.
        double angle = -2.0 * Math.PI * (t % period) / period;
        (double sin, double cos) = Math.SinCos(angle);
        return new Complex(cos, sin);
    }

    private static void Conjugate(Span<Complex> data)
    {
        for (int i = 0; i < data.Length; i++) data[i] = Complex.Conjugate(data[i]);
    }

    private static int[] Factorize(int n)
    {
        var radices = new List<int>();
        while (n % 4 == 0) { radices.Add(4); n /= 4; }
        while (n % 2 == 0) { radices.Add(2); n /= 2; }
        for (int p = 3; (long)p * p <= n; p += 2)
        {
            while (n % p == 0) { radices.Add(p); n /= p; }
        }
        if (n > 1) radices.Add(n);
        return [.. radices];
    }

    private void StockhamForward(Span<Complex> data, Span<Complex> work)
    {
        int n = Length;
        Span<Complex> src = data;
        Span<Complex> dst = work;
        int span = 1; // product of the radices already applied
        foreach (int p in _radices)
        {
            int stride = n / p;
            int twiddleStep = n / (span * p);
            switch (p)
            {
                case 2: Radix2Stage(src, dst, span, stride, twiddleStep); break;
                case 3: Radix3Stage(src, dst, span, stride, twiddleStep); break;
                case 4: Radix4Stage(src, dst, span, stride, twiddleStep); break;
                case 5: Radix5Stage(src, dst, span, stride, twiddleStep); break;
                default: GenericStage(src, dst, p, span, stride, twiddleStep); break;
            }
            Span<Complex> swap = src;
            src = dst;
            dst = swap;
            span *= p;
        }
        if (src != data) src.CopyTo(data);
    }

    // Stage layout (self-sorting Stockham): input j = block·span + k reads src[j + r·stride] (r < p), twiddled by
    // exp(−2πi·r·k/(span·p)); output q of its length-p DFT goes to dst[block·span·p + k + q·span].

    private void Radix2Stage(ReadOnlySpan<Complex> src, Span<Complex> dst, int span, int stride, int twiddleStep)
    {
        ReadOnlySpan<Complex> tw = _twiddles;
        for (int j0 = 0, o0 = 0; j0 < stride; j0 += span, o0 += 2 * span)
        {
            for (int k = 0; k < span; k++)
            {
                int j = j0 + k;
                Complex v0 = src[j];
                Complex v1 = src[j + stride] * tw[k * twiddleStep];
                int o = o0 + k;
                dst[o] = v0 + v1;
                dst[o + span] = v0 - v1;
            }
        }
    }

    private void Radix3Stage(ReadOnlySpan<Complex> src, Span<Complex> dst, int span, int stride, int twiddleStep)
    {
        const double s = 0.86602540378443864676; // sin(2π/3)
        ReadOnlySpan<Complex> tw = _twiddles;
        for (int j0 = 0, o0 = 0; j0 < stride; j0 += span, o0 += 3 * span)
        {
            for (int k = 0; k < span; k++)
            {
                int j = j0 + k;
                int t = k * twiddleStep;
                Complex v0 = src[j];
                Complex v1 = src[j + stride] * tw[t];
                Complex v2 = src[j + 2 * stride] * tw[2 * t];
                Complex sum = v1 + v2;
                Complex mid = v0 - 0.5 * sum;
                Complex diff = v1 - v2;
                var rot = new Complex(s * diff.Imaginary, -s * diff.Real); // −i·s·diff
                int o = o0 + k;
                dst[o] = v0 + sum;
                dst[o + span] = mid + rot;
                dst[o + 2 * span] = mid - rot;
            }
        }
    }

    private void Radix4Stage(ReadOnlySpan<Complex> src, Span<Complex> dst, int span, int stride, int twiddleStep)
    {
        ReadOnlySpan<Complex> tw = _twiddles;
        for (int j0 = 0, o0 = 0; j0 < stride; j0 += span, o0 += 4 * span)
        {
            for (int k = 0; k < span; k++)
            {
                int j = j0 + k;
                int t = k * twiddleStep;
                Complex v0 = src[j];
                Complex v1 = src[j + stride];
                Complex v2 = src[j + 2 * stride];
                Complex v3 = src[j + 3 * stride];
                if (t != 0)
                {
                    v1 *= tw[t];
                    v2 *= tw[2 * t];
                    v3 *= tw[3 * t];
                }
                Complex a0 = v0 + v2;
                Complex a1 = v0 - v2;
                Complex a2 = v1 + v3;
                Complex d = v1 - v3;
                var a3 = new Complex(d.Imaginary, -d.Real); // −i·d
                int o = o0 + k;
                dst[o] = a0 + a2;
                dst[o + span] = a1 + a3;
                dst[o + 2 * span] = a0 - a2;
                dst[o + 3 * span] = a1 - a3;
            }
        }
    }

    private void Radix5Stage(ReadOnlySpan<Complex> src, Span<Complex> dst, int span, int stride, int twiddleStep)
    {
        const double c1 = 0.30901699437494742410;  // cos(2π/5)
        const double c2 = -0.80901699437494742410; // cos(4π/5)
        const double s1 = 0.95105651629515357212;  // sin(2π/5)
        const double s2 = 0.58778525229247312917;  // sin(4π/5)
        ReadOnlySpan<Complex> tw = _twiddles;
        for (int j0 = 0, o0 = 0; j0 < stride; j0 += span, o0 += 5 * span)
        {
            for (int k = 0; k < span; k++)
            {
                int j = j0 + k;
                int t = k * twiddleStep;
                Complex v0 = src[j];
                Complex v1 = src[j + stride];
                Complex v2 = src[j + 2 * stride];
                Complex v3 = src[j + 3 * stride];
                Complex v4 = src[j + 4 * stride];
                if (t != 0)
                {
                    v1 *= tw[t];
                    v2 *= tw[2 * t];
                    v3 *= tw[3 * t];
                    v4 *= tw[4 * t];
                }
                Complex a1 = v1 + v4;
                Complex b1 = v1 - v4;
                Complex a2 = v2 + v3;
                Complex b2 = v2 - v3;
                Complex m1 = v0 + c1 * a1 + c2 * a2;
                Complex m2 = v0 + c2 * a1 + c1 * a2;
                Complex t1 = s1 * b1 + s2 * b2;
                Complex t2 = s2 * b1 - s1 * b2;
                var r1 = new Complex(t1.Imaginary, -t1.Real); // −i·t1
                var r2 = new Complex(t2.Imaginary, -t2.Real); // −i·t2
                int o = o0 + k;
                dst[o] = v0 + a1 + a2;
                dst[o + span] = m1 + r1;
                dst[o + 2 * span] = m2 + r2;
                dst[o + 3 * span] = m2 - r2;
                dst[o + 4 * span] = m1 - r1;
            }
        }
    }

    private void GenericStage(ReadOnlySpan<Complex> src, Span<Complex> dst, int p, int span, int stride, int twiddleStep)
    {
        ReadOnlySpan<Complex> tw = _twiddles;
        int n = Length;
        int rootStep = n / p;
        Span<Complex> v = stackalloc Complex[MaxDirectRadix];
        for (int j0 = 0, o0 = 0; j0 < stride; j0 += span, o0 += p * span)
        {
            for (int k = 0; k < span; k++)
            {
                int j = j0 + k;
                int t = k * twiddleStep;
                v[0] = src[j];
                for (int r = 1; r < p; r++) v[r] = src[j + r * stride] * tw[r * t];
                int o = o0 + k;
                for (int q = 0; q < p; q++)
                {
                    Complex acc = v[0];
                    int index = 0;
                    int increment = q * rootStep;
                    for (int r = 1; r < p; r++)
                    {
                        // exp(−2πi·r·q/p) = tw[(r·q mod p)·n/p], stepped without a modulo.
                        index += increment;
                        if (index >= n) index -= n;
                        acc += v[r] * tw[index];
                    }
                    dst[o + q * span] = acc;
                }
            }
        }
    }

    /// <summary>Smallest m ≥ <paramref name="minimum"/> whose only prime factors are 2, 3 and 5.</summary>
    internal static int SmoothLengthAtLeast(int minimum)
    {
        int best = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(1, minimum));
        for (long p5 = 1; p5 < best; p5 *= 5)
        {
            for (long p35 = p5; p35 < best; p35 *= 3)
            {
                long m = p35;
                while (m < minimum) m *= 2;
                if (m < best) best = (int)m;
            }
        }
        return best;
    }

    /// <summary>Bluestein's chirp-z form of a length-n DFT as a circular convolution of 5-smooth length.</summary>
    private sealed class Bluestein
    {
        private readonly int _n;
        private readonly Complex[] _chirp;          // exp(−πi·j²/n)
        private readonly Complex[] _kernelSpectrum; // FFT of the conjugate chirp, already divided by m
        private readonly ComplexFft _inner;

        public Bluestein(int n)
        {
            _n = n;
            int m = SmoothLengthAtLeast(2 * n - 1);
            _inner = FftPlanCache.BluesteinInner(m);

            // exp(−πi·j²/n) = exp(−2πi·(j² mod 2n)/(2n)): index an exact table of 2n-th roots of unity.
            Complex[] roots = UnitRoots(2 * n, 2 * n);
            _chirp = new Complex[n];
            for (long j = 0; j < n; j++) _chirp[j] = roots[(int)(j * j % (2L * n))];

            var kernel = new Complex[m];
            kernel[0] = Complex.Conjugate(_chirp[0]);
            for (int t = 1; t < n; t++)
            {
                kernel[t] = Complex.Conjugate(_chirp[t]);
                kernel[m - t] = kernel[t];
            }
            _inner.Forward(kernel);
            double scale = 1.0 / m;
            for (int i = 0; i < m; i++) kernel[i] *= scale;
            _kernelSpectrum = kernel;
        }

        public void Forward(Span<Complex> data)
        {
            int m = _inner.Length;
            Complex[] rented = ArrayPool<Complex>.Shared.Rent(m);
            try
            {
                Span<Complex> a = rented.AsSpan(0, m);
                for (int j = 0; j < _n; j++) a[j] = data[j] * _chirp[j];
                a[_n..].Clear();
                _inner.Forward(a);
                for (int i = 0; i < m; i++) a[i] *= _kernelSpectrum[i];
                _inner.InverseUnscaled(a);
                for (int k = 0; k < _n; k++) data[k] = a[k] * _chirp[k];
            }
            finally
            {
                ArrayPool<Complex>.Shared.Return(rented);
            }
        }
    }
}
