using SemiSegEcg.Randomness;
using SemiSegEcg.Signal;

namespace SemiSegEcg.Transforms;

/// <summary>
/// Zero-phase Butterworth filtering of the signal (docs/reference/original-behaviour.md#filters, docs/reference/original-behaviour.md#preprocessing-transforms <c>SOSFilter</c>,
/// <c>HighpassFilter</c>, <c>LowpassFilter</c>): <c>butter(order, cutoff, btype, fs, output='sos')</c> applied with
/// scipy <c>sosfiltfilt</c>. The design is computed once; the label is untouched.
/// </summary>
public sealed class ButterworthFilter : ISignalTransform
{
    public const string ClassName = "SOSFilter";

    private readonly double[] _flatSos;
    private readonly double[,] _steadyState;
    private readonly int _padLength;

    public ButterworthFilter(double fs, double cutoff, FilterType type, int order = 5)
    {
        SamplingRateHz = TransformGuard.Positive(ClassName, "fs", fs);
        CutoffHz = TransformGuard.Positive(ClassName, "cutoff", cutoff);
        if (cutoff >= fs / 2)
            throw new TransformArgumentException(ClassName, "cutoff", cutoff, $"must be below the Nyquist frequency fs/2 = {fs / 2} Hz");
        Order = TransformGuard.AtLeast(ClassName, "order", order, 1);
        Type = type;
        double[,] sos = ButterworthDesign.Sos(order, cutoff, fs, type);
        _flatSos = SosFilter.Flatten(sos);
        _steadyState = SosFilter.SteadyStateInitialConditions(sos);
        _padLength = SosFilter.PadLength(sos);
    }

    public double SamplingRateHz { get; }

    public double CutoffHz { get; }

    public int Order { get; }

    public FilterType Type { get; }

    public bool ChangesLabel => false;

    /// <exception cref="ArgumentException">The signal is not longer than the filter's pad length (18 for order 5).</exception>
    public EcgView Apply(EcgView view, SeededRandom random) =>
        view.WithSignal(SosFilter.FiltFilt(_flatSos, _steadyState, _padLength, view.Signal));
}
