namespace SemiSegEcg.Data.Wfdb;

/// <summary>One signal to write with <see cref="WfdbWriter.WriteRecord"/> (format 16).</summary>
/// <param name="Description">Signal description (lead name); no line breaks.</param>
/// <param name="Digital">Samples in ADC units, each in [−32767, 32767], or −32768 for an invalid sample.</param>
/// <param name="Gain">ADC units per physical unit (non-zero, finite).</param>
/// <param name="Baseline">ADC value of physical zero.</param>
/// <param name="Units">Physical units, e.g. <c>mV</c>; no whitespace.</param>
public sealed record WfdbWriterSignal(string Description, int[] Digital, double Gain, int Baseline = 0, string Units = "mV")
{
    /// <summary>
    /// Converts physical values to digital ones: <c>round(value × gain + baseline)</c>, half away from zero; NaN becomes
    /// the invalid sample −32768. Throws when a value does not fit in 16 bits.
    /// </summary>
    public static WfdbWriterSignal FromPhysical(string description, ReadOnlySpan<double> physical, double gain, int baseline = 0, string units = "mV")
    {
        if (!double.IsFinite(gain) || gain == 0)
            throw new ArgumentOutOfRangeException(nameof(gain), gain, "gain must be finite and non-zero");
        var digital = new int[physical.Length];
        for (int i = 0; i < physical.Length; i++)
        {
            double x = physical[i];
            if (double.IsNaN(x))
            {
                digital[i] = WfdbSampleFormat.InvalidSample;
                continue;
            }
            double d = Math.Round(x * gain + baseline, MidpointRounding.AwayFromZero);
            if (!(d >= -32767 && d <= 32767))
                throw new ArgumentOutOfRangeException(nameof(physical),
                    $"signal '{description}': sample {i} = {x} {units} is {d} ADC units with gain {gain} and baseline {baseline}, outside the 16-bit range [-32767, 32767]");
            digital[i] = (int)d;
        }
        return new WfdbWriterSignal(description, digital, gain, baseline, units);
    }
}
