namespace SemiSegEcg.Data.Edf;

/// <summary>One signal's header fields of an EDF/EDF+ file.</summary>
/// <param name="Label">The signal label, trimmed (EDF+ writes e.g. <c>ECG II</c>; <c>EDF Annotations</c> is the annotation channel).</param>
/// <param name="PhysicalDimension">Units of the physical values, e.g. <c>uV</c> or <c>mV</c>.</param>
/// <param name="SamplesPerRecord">Samples of this signal in each data record.</param>
public sealed record EdfSignalSpec(
    string Label,
    string Transducer,
    string PhysicalDimension,
    double PhysicalMinimum,
    double PhysicalMaximum,
    int DigitalMinimum,
    int DigitalMaximum,
    string Prefiltering,
    int SamplesPerRecord)
{
    /// <summary>The EDF+ annotation channel, which holds text (time-stamped annotations), not samples.</summary>
    public bool IsAnnotations => Label == "EDF Annotations";

    /// <summary>Physical value per digital step: (pmax − pmin) / (dmax − dmin).</summary>
    public double Gain => (PhysicalMaximum - PhysicalMinimum) / (DigitalMaximum - DigitalMinimum);

    /// <summary>The digital value mapped to <see cref="PhysicalMinimum"/> and the linear map from there.</summary>
    public double ToPhysical(short digital) => PhysicalMinimum + (digital - DigitalMinimum) * Gain;
}
