namespace SemiSegEcg.Signal;

/// <summary>
/// The exact double values of <c>numpy.linspace(start, stop, num)</c> (numpy 1.2x): <c>start + i·step</c> with
/// <c>step = (stop − start)/(num − 1)</c>, and the last element set to <c>stop</c>. Interpolation at ties depends on
/// these exact values, so they are not computed any other way.
/// </summary>
internal static class NumpyLinspace
{
    public static double At(int index, double start, double stop, int count)
    {
        if (count == 1) return start;
        if (index == count - 1) return stop;
        double step = (stop - start) / (count - 1);
        return index * step + start;
    }
}
