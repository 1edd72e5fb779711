using System.Numerics;

namespace SemiSegEcg.Signal;

/// <summary>
/// Converts a digital zeros/poles/gain description into second-order sections with the pairing and ordering of
/// scipy's <c>zpk2sos(z, p, k, pairing='nearest')</c>, so the sections (not just the overall response) match the
/// reference. Rules, restated:
/// <list type="number">
/// <item>Pad zeros and poles with the origin to equal counts; if the count is odd, add one more at the origin to both.</item>
/// <item>Keep one member (positive imaginary part) of each conjugate pair, reals as exact reals.</item>
/// <item>Fill sections from the last to the first, each time taking the remaining pole closest to the unit circle
///   (first one on ties); a complex pole takes its conjugate as partner, a real pole takes the next real pole
///   closest to the unit circle.</item>
/// <item>Zeros: the nearest zero of any kind (a complex one brings its conjugate); if it is real, add the nearest real
///   zero. A lone last real pole gets one real zero; when one real pole and one real zero remain beside a complex
///   pole, the complex pole must take a complex zero.</item>
/// <item>The overall gain multiplies the numerator of the first section.</item>
/// </list>
/// </summary>
internal static class ZpkToSos
{
    public static double[,] Convert(IReadOnlyList<Complex> zeros, IReadOnlyList<Complex> poles, double gain)
    {
        var z = new List<Complex>(zeros);
        var p = new List<Complex>(poles);
        while (p.Count < z.Count) p.Add(Complex.Zero);
        while (z.Count < p.Count) z.Add(Complex.Zero);
        int sectionCount = (p.Count + 1) / 2;
        if (p.Count % 2 == 1)
        {
            p.Add(Complex.Zero);
            z.Add(Complex.Zero);
        }
        if (sectionCount == 0) throw new ArgumentException("a filter needs at least one pole or zero");

        z = ConjugatePairRepresentatives(z);
        p = ConjugatePairRepresentatives(p);

        var sos = new double[sectionCount, 6];
        for (int section = sectionCount - 1; section >= 0; section--)
        {
            Complex p1 = TakeAt(p, IndexClosestToUnitCircle(p, _ => true));
            double[] row;
            if (IsReal(p1) && p.Count(IsReal) == 0)
            {
                // Last remaining real pole: one real zero.
                Complex z1 = TakeAt(z, NearestIndex(z, p1, IsReal));
                row = Section([z1, Complex.Zero], [p1, Complex.Zero]);
            }
            else if (p.Count + 1 == z.Count && !IsReal(p1) && p.Count(IsReal) == 1 && z.Count(IsReal) == 1)
            {
                // One real pole and one real zero must stay together, so this complex pole takes a complex zero.
                Complex z1 = TakeAt(z, NearestIndex(z, p1, c => !IsReal(c)));
                row = Section([z1, Complex.Conjugate(z1)], [p1, Complex.Conjugate(p1)]);
            }
            else
            {
                Complex p2 = IsReal(p1) ? TakeAt(p, IndexClosestToUnitCircle(p, IsReal)) : Complex.Conjugate(p1);
                if (z.Count == 0)
                {
                    row = Section([], [p1, p2]);
                }
                else
                {
                    Complex z1 = TakeAt(z, NearestIndex(z, p1, _ => true));
                    if (!IsReal(z1))
                    {
                        row = Section([z1, Complex.Conjugate(z1)], [p1, p2]);
                    }
                    else if (z.Count > 0)
                    {
                        Complex z2 = TakeAt(z, NearestIndex(z, p1, IsReal));
                        row = Section([z1, z2], [p1, p2]);
                    }
                    else
                    {
                        row = Section([z1], [p1, p2]);
                    }
                }
            }
            for (int c = 0; c < 6; c++) sos[section, c] = row[c];
        }
        if (p.Count != 0 || z.Count != 0) throw new InvalidOperationException("zpk2sos left unpaired poles or zeros");

        for (int c = 0; c < 3; c++) sos[0, c] *= gain;
        return sos;
    }

    private static bool IsReal(Complex c) => c.Imaginary == 0.0;

    private static Complex TakeAt(List<Complex> values, int index)
    {
        if (index < 0) throw new InvalidOperationException("zpk2sos found no zero of the required kind");
        Complex value = values[index];
        values.RemoveAt(index);
        return value;
    }

    /// <summary>First index minimising | 1 − |p| | among values accepted by <paramref name="filter"/>.</summary>
    private static int IndexClosestToUnitCircle(List<Complex> values, Func<Complex, bool> filter)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < values.Count; i++)
        {
            if (!filter(values[i])) continue;
            double distance = Math.Abs(1.0 - Complex.Abs(values[i]));
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static int NearestIndex(List<Complex> values, Complex target, Func<Complex, bool> filter)
    {
        int best = -1;
        double bestDistance = double.PositiveInfinity;
        for (int i = 0; i < values.Count; i++)
        {
            if (!filter(values[i])) continue;
            double distance = Complex.Abs(values[i] - target);
            if (distance < bestDistance)
            {
                best = i;
                bestDistance = distance;
            }
        }
        return best;
    }

    /// <summary>
    /// scipy <c>_cplxreal</c>: values with |imag| ≤ 100·eps·|value| become exact reals (sorted by value); conjugate
    /// pairs are represented by their positive-imaginary member, averaged with the conjugate of its partner, sorted
    /// by real part (then imaginary part). Complex representatives come first.
    /// </summary>
    private static List<Complex> ConjugatePairRepresentatives(List<Complex> values)
    {
        const double tolerance = 100 * 2.220446049250313e-16; // 100 · float64 machine epsilon
        var reals = new List<double>();
        var upper = new List<Complex>();
        var lower = new List<Complex>();
        foreach (Complex v in values)
        {
            if (Math.Abs(v.Imaginary) <= tolerance * Complex.Abs(v)) reals.Add(v.Real);
            else if (v.Imaginary > 0) upper.Add(v);
            else lower.Add(v);
        }
        if (upper.Count != lower.Count) throw new ArgumentException("complex zeros or poles do not come in conjugate pairs");
        Comparison<Complex> byRealThenImaginary = (a, b) =>
        {
            int byReal = a.Real.CompareTo(b.Real);
            return byReal != 0 ? byReal : Math.Abs(a.Imaginary).CompareTo(Math.Abs(b.Imaginary));
        };
        upper.Sort(byRealThenImaginary);
        lower.Sort(byRealThenImaginary);
        var result = new List<Complex>(upper.Count + reals.Count);
        for (int i = 0; i < upper.Count; i++)
        {
            Complex partner = Complex.Conjugate(lower[i]);
            if (Complex.Abs(upper[i] - partner) > tolerance * Complex.Abs(lower[i]))
                throw new ArgumentException("complex zeros or poles do not come in conjugate pairs");
            result.Add((upper[i] + partner) / 2.0);
        }
        reals.Sort();
        foreach (double r in reals) result.Add(new Complex(r, 0.0));
        return result;
    }

    /// <summary>One section [b0, b1, b2, a0, a1, a2] from up to two zeros and two poles (right-aligned polynomials).</summary>
    private static double[] Section(Complex[] zeros, Complex[] poles)
    {
        double[] b = RealPolynomial(zeros);
        double[] a = RealPolynomial(poles);
        var row = new double[6];
        for (int i = 0; i < b.Length; i++) row[3 - b.Length + i] = b[i];
        for (int i = 0; i < a.Length; i++) row[6 - a.Length + i] = a[i];
        return row;
    }

    /// <summary>numpy <c>poly</c>: coefficients of Π(x − root), highest power first, by successive convolution.</summary>
    private static double[] RealPolynomial(Complex[] roots)
    {
        var coefficients = new Complex[] { Complex.One };
        foreach (Complex root in roots)
        {
            var next = new Complex[coefficients.Length + 1];
            for (int i = 0; i < coefficients.Length; i++)
            {
                next[i] += coefficients[i];
                next[i + 1] += coefficients[i] * -root;
            }
            coefficients = next;
        }
        return Array.ConvertAll(coefficients, c => c.Real);
    }
}
