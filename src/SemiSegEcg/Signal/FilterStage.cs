namespace SemiSegEcg.Signal;

/// <summary>One zero-phase Butterworth stage of a <see cref="Preprocessing"/> (scipy <c>butter(order, cutoff, btype, fs, output='sos')</c> then <c>sosfiltfilt</c>).</summary>
/// <param name="Type">High-pass or low-pass; a band-pass is a high-pass stage and a low-pass stage.</param>
/// <param name="CutoffHz">Cutoff frequency; below the Nyquist frequency of the preprocessing's sampling rate.</param>
/// <param name="Order">Filter order (5 in the benchmark).</param>
public sealed record FilterStage(FilterType Type, double CutoffHz, int Order = FilterStage.DefaultOrder)
{
    public const int DefaultOrder = 5;

    /// <summary>The second-order sections at <paramref name="samplingRateHz"/>, rows [b0, b1, b2, a0, a1, a2].</summary>
    public double[,] Design(double samplingRateHz) => ButterworthDesign.Sos(Order, CutoffHz, samplingRateHz, Type);
}
