namespace SemiSegEcg.Synthetic;

/// <summary>
/// One Gaussian-shaped component of a beat: two half-Gaussians joined at <paramref name="CenterS"/> (equal widths
/// give a plain Gaussian), projected on each lead through <paramref name="Vector"/>.
/// </summary>
internal readonly record struct WaveShape(double CenterS, double RiseSigmaS, double FallSigmaS, CardiacVector Vector)
{
    /// <summary>Half-Gaussians of width σ exceed the threshold within k·σ of the centre.</summary>
    public static readonly double EnvelopeHalfWidthInSigmas =
        Math.Sqrt(2 * Math.Log(1 / SyntheticEcgGenerator.EnvelopeThresholdFraction));

    /// <summary>Far enough that the truncated tail (e^-12.5 of the peak) is invisible.</summary>
    private const double RenderHalfWidthInSigmas = 5;

    public double OnsetS => CenterS - EnvelopeHalfWidthInSigmas * RiseSigmaS;

    public double OffsetS => CenterS + EnvelopeHalfWidthInSigmas * FallSigmaS;

    /// <summary>A shape whose envelope spans exactly [onset, offset] with its peak at <paramref name="peakS"/>.</summary>
    public static WaveShape Spanning(double onsetS, double peakS, double offsetS, CardiacVector vector) =>
        new(peakS, (peakS - onsetS) / EnvelopeHalfWidthInSigmas, (offsetS - peakS) / EnvelopeHalfWidthInSigmas, vector);

    /// <summary>Adds the projection of this shape onto every lead to <paramref name="leads"/> (lead, sample).</summary>
    public void AddTo(double[][] leads, ReadOnlySpan<CardiacVector> leadAxes, double samplingRateHz, ref double[] scratch)
    {
        int length = leads[0].Length;
        int first = Math.Max(0, (int)Math.Ceiling((CenterS - RenderHalfWidthInSigmas * RiseSigmaS) * samplingRateHz));
        int last = Math.Min(length - 1, (int)Math.Floor((CenterS + RenderHalfWidthInSigmas * FallSigmaS) * samplingRateHz));
        if (last < first) return;
        int count = last - first + 1;
        if (scratch.Length < count) scratch = new double[count];
        for (int i = 0; i < count; i++)
        {
            double t = (first + i) / samplingRateHz - CenterS;
            double z = t / (t < 0 ? RiseSigmaS : FallSigmaS);
            scratch[i] = Math.Exp(-0.5 * z * z);
        }
        for (int lead = 0; lead < leads.Length; lead++)
        {
            double gain = leadAxes[lead].Dot(Vector);
            if (gain == 0) continue;
            var target = leads[lead].AsSpan(first, count);
            for (int i = 0; i < count; i++) target[i] += gain * scratch[i];
        }
    }
}
