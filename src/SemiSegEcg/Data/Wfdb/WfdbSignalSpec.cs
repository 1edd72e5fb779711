namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// One signal line of a WFDB header:
/// <c>file format[xspf][:skew][+offset] [gain[(baseline)][/units] [adcres [adczero [initval [checksum [blocksize [description]]]]]]]</c>.
/// Absent fields hold the WFDB library defaults (see <see cref="WfdbHeaderParser"/>).
/// </summary>
/// <param name="FileName">Signal file name as written in the header, relative to the header's folder.</param>
/// <param name="Format">Storage format (0, 8, 16, 24, 32, 61, 80, 160, 212, 310, 311).</param>
/// <param name="SamplesPerFrame">Samples of this signal in each frame (≥ 1).</param>
/// <param name="Skew">Skew in frames: sample <c>i</c> of this signal is stored in frame <c>i + Skew</c>.
/// The header gives it in samples; like the WFDB library we round it to frames (<c>skew / spf + 0.5</c>).</param>
/// <param name="ByteOffset">Bytes to skip at the start of the signal file (taken from the first signal of a file).</param>
/// <param name="Gain">ADC units per physical unit; a header gain of 0 or none means uncalibrated and is stored as the WFDB default 200.</param>
/// <param name="Baseline">ADC value of physical zero; defaults to <paramref name="AdcZero"/>.</param>
/// <param name="Units">Physical units; default <c>mV</c>.</param>
/// <param name="AdcResolution">ADC resolution in bits as written; when absent 8/16/12/10/10 for formats 80/160/212/310/311, else 12.</param>
/// <param name="AdcZero">ADC value at the middle of the input range; default 0.</param>
/// <param name="InitialValue">Value of sample 0 (also the start value of format 8 differences); defaults to <paramref name="AdcZero"/>.</param>
/// <param name="Checksum">16-bit checksum of all samples as written in the header (some writers write it unsigned); null when absent.</param>
/// <param name="BlockSize">Block size in bytes (only meaningful for devices); default 0.</param>
/// <param name="Description">Signal description (lead name); defaults to <c>record NAME, signal N</c>.</param>
/// <param name="IsCalibrated">False when the header gives no gain or a gain of 0.</param>
/// <param name="HasInitialValue">False when the header line ends before the initial-value field.</param>
public sealed record WfdbSignalSpec(
    string FileName,
    int Format,
    int SamplesPerFrame,
    int Skew,
    long ByteOffset,
    double Gain,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int InitialValue,
    int? Checksum,
    int BlockSize,
    string Description,
    bool IsCalibrated = true,
    bool HasInitialValue = true)
{
    /// <summary>The WFDB default gain (ADC units per physical unit) used when the header gives none or 0.</summary>
    public const double DefaultGain = 200.0;
}
