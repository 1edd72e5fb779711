namespace SemiSegEcg.Signal;

/// <summary>
/// Second-order-section filtering with scipy semantics: <c>sosfilt</c> (cascaded direct form II transposed),
/// <c>sosfilt_zi</c> (step-response steady state) and zero-phase <c>sosfiltfilt</c> with odd padding
/// (docs/reference/original-behaviour.md#filters). Sections are rows <c>[b0, b1, b2, a0, a1, a2]</c> with a0 = 1.
/// </summary>
public static class SosFilter
{
    /// <summary>
    /// scipy <c>sosfilt(sos, x, zi=zi)</c>: filters <paramref name="x"/> through every section in turn.
    /// <paramref name="initialState"/> has shape (sections, 2) (null = zero state).
    /// </summary>
    public static double[] Filter(double[,] sos, ReadOnlySpan<double> x, double[,]? initialState = null)
    {
        int sections = Validate(sos);
        var state = new double[sections * 2];
        if (initialState is not null)
        {
            if (initialState.GetLength(0) != sections || initialState.GetLength(1) != 2)
                throw new ArgumentException($"initial state must have shape ({sections}, 2), got ({initialState.GetLength(0)}, {initialState.GetLength(1)})", nameof(initialState));
            for (int s = 0; s < sections; s++)
            {
                state[2 * s] = initialState[s, 0];
                state[2 * s + 1] = initialState[s, 1];
            }
        }
        double[] y = x.ToArray();
        FilterInPlace(Flatten(sos), y, state);
        return y;
    }

    /// <summary>
    /// scipy <c>sosfilt_zi(sos)</c>: per-section initial state for a unit-step steady state, shape (sections, 2);
    /// each section's state is scaled by the DC gain of the sections before it.
    /// </summary>
    public static double[,] SteadyStateInitialConditions(double[,] sos)
    {
        int sections = Validate(sos);
        var zi = new double[sections, 2];
        double scale = 1.0;
        for (int s = 0; s < sections; s++)
        {
            double b0 = sos[s, 0], b1 = sos[s, 1], b2 = sos[s, 2];
            double a1 = sos[s, 4], a2 = sos[s, 5];
            // lfilter_zi: solve (I − Aᵀ)·zi = b[1:] − a[1:]·b0 with the companion matrix A of [1, a1, a2].
            (double z0, double z1) = Solve2x2(1.0 + a1, -1.0, a2, 1.0, b1 - a1 * b0, b2 - a2 * b0);
            zi[s, 0] = scale * z0;
            zi[s, 1] = scale * z1;
            scale *= (b0 + b1 + b2) / (1.0 + a1 + a2);
        }
        return zi;
    }

    /// <summary>scipy's default <c>sosfiltfilt</c> pad length: 3·(2·sections + 1 − min(#(b2 = 0), #(a2 = 0))).</summary>
    public static int PadLength(double[,] sos)
    {
        int sections = Validate(sos);
        int zeroB2 = 0, zeroA2 = 0;
        for (int s = 0; s < sections; s++)
        {
            if (sos[s, 2] == 0.0) zeroB2++;
            if (sos[s, 5] == 0.0) zeroA2++;
        }
        return 3 * (2 * sections + 1 - Math.Min(zeroB2, zeroA2));
    }

    /// <summary>
    /// scipy <c>sosfiltfilt(sos, x)</c> (padtype 'odd', default padlen): forward and backward passes, each started
    /// from the steady state scaled by its first sample, on the odd extension of <paramref name="x"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The signal is not longer than the pad length.</exception>
    public static double[] FiltFilt(double[,] sos, ReadOnlySpan<double> x)
    {
        int padLength = PadLength(sos);
        return FiltFilt(Flatten(sos), SteadyStateInitialConditions(sos), padLength, x);
    }

    /// <summary>sosfiltfilt on a pre-flattened design (sections·6 values) with its steady state, for cached designs.</summary>
    internal static double[] FiltFilt(double[] flatSos, double[,] steadyState, int padLength, ReadOnlySpan<double> x)
    {
        int n = x.Length;
        if (n <= padLength)
            throw new ArgumentException($"signal of {n} samples is too short for zero-phase filtering: it must be longer than the pad length {padLength}", nameof(x));
        int sections = flatSos.Length / 6;

        // Odd extension: 2·x[0] − x[pad..1] | x | 2·x[n−1] − x[n−2..n−1−pad].
        var ext = new double[n + 2 * padLength];
        for (int i = 0; i < padLength; i++) ext[i] = 2.0 * x[0] - x[padLength - i];
        x.CopyTo(ext.AsSpan(padLength));
        for (int i = 0; i < padLength; i++) ext[padLength + n + i] = 2.0 * x[n - 1] - x[n - 2 - i];

        Span<double> state = stackalloc double[sections * 2];
        SetScaledState(steadyState, ext[0], state);
        FilterInPlace(flatSos, ext, state);

        Array.Reverse(ext);
        SetScaledState(steadyState, ext[0], state);
        FilterInPlace(flatSos, ext, state);
        Array.Reverse(ext);

        return ext.AsSpan(padLength, n).ToArray();
    }

    internal static double[] Flatten(double[,] sos)
    {
        int sections = Validate(sos);
        var flat = new double[sections * 6];
        for (int s = 0; s < sections; s++)
        {
            for (int c = 0; c < 6; c++) flat[6 * s + c] = sos[s, c];
        }
        return flat;
    }

    private static void SetScaledState(double[,] steadyState, double value, Span<double> state)
    {
        for (int s = 0; s < state.Length / 2; s++)
        {
            state[2 * s] = steadyState[s, 0] * value;
            state[2 * s + 1] = steadyState[s, 1] * value;
        }
    }

    /// <summary>The scipy <c>_sosfilt</c> inner loop: transposed direct form II per section, sample by sample.</summary>
    private static void FilterInPlace(double[] sos, Span<double> data, Span<double> state)
    {
        int sections = sos.Length / 6;
        for (int i = 0; i < data.Length; i++)
        {
            double current = data[i];
            for (int s = 0; s < sections; s++)
            {
                int o = 6 * s;
                double next = sos[o] * current + state[2 * s];
                state[2 * s] = sos[o + 1] * current - sos[o + 4] * next + state[2 * s + 1];
                state[2 * s + 1] = sos[o + 2] * current - sos[o + 5] * next;
                current = next;
            }
            data[i] = current;
        }
    }

    /// <summary>Solves [[a, b], [c, d]]·x = [e, f] by Gaussian elimination with partial pivoting (as LAPACK gesv).</summary>
    private static (double X0, double X1) Solve2x2(double a, double b, double c, double d, double e, double f)
    {
        if (Math.Abs(c) > Math.Abs(a))
        {
            (a, b, e, c, d, f) = (c, d, f, a, b, e);
        }
        if (a == 0.0) throw new ArgumentException("filter section has no steady state (singular system)");
        double l = c / a;
        double u = d - l * b;
        if (u == 0.0) throw new ArgumentException("filter section has no steady state (singular system)");
        double x1 = (f - l * e) / u;
        double x0 = (e - b * x1) / a;
        return (x0, x1);
    }

    private static int Validate(double[,] sos)
    {
        ArgumentNullException.ThrowIfNull(sos);
        if (sos.GetLength(1) != 6 || sos.GetLength(0) < 1)
            throw new ArgumentException($"second-order sections must have shape (n ≥ 1, 6), got ({sos.GetLength(0)}, {sos.GetLength(1)})", nameof(sos));
        for (int s = 0; s < sos.GetLength(0); s++)
        {
            if (sos[s, 3] != 1.0) throw new ArgumentException($"section {s}: a0 must be 1, got {sos[s, 3]}", nameof(sos));
        }
        return sos.GetLength(0);
    }
}
