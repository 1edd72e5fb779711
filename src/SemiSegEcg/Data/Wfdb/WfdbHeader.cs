namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// A parsed single-segment WFDB header (<c>.hea</c>):
/// record line <c>name nsig [fs[/counterfreq[(base)]] [nsamp [basetime [basedate]]]]</c>, one line per signal, and comments.
/// </summary>
/// <param name="RecordName">Record name from the record line.</param>
/// <param name="SignalCount">Number of signals (= <see cref="Signals"/> count).</param>
/// <param name="SamplingFrequencyHz">Frame rate in Hz; WFDB default 250 when absent.</param>
/// <param name="CounterFrequencyHz">Counter frequency in Hz (e.g. 360 in QTDB's <c>250/360</c>); null when absent.</param>
/// <param name="BaseCounterValue">Counter value at sample 0; null when absent.</param>
/// <param name="SampleCount">Samples per signal (frames); 0 when the header does not say (WFDB: read to the end of the file).</param>
/// <param name="BaseTime">Time of day of sample 0; null when absent.</param>
/// <param name="BaseDate">Date of sample 0; null when absent.</param>
/// <param name="Signals">Signal specifications in header order.</param>
/// <param name="Comments">Every <c>#</c> line, text after the <c>#</c> (trailing whitespace removed).</param>
/// <param name="HeaderPath">The file this header was read from (or the source name given to the parser).</param>
public sealed record WfdbHeader(
    string RecordName,
    int SignalCount,
    double SamplingFrequencyHz,
    double? CounterFrequencyHz,
    double? BaseCounterValue,
    long SampleCount,
    TimeSpan? BaseTime,
    DateOnly? BaseDate,
    IReadOnlyList<WfdbSignalSpec> Signals,
    IReadOnlyList<string> Comments,
    string HeaderPath)
{
    /// <summary>The WFDB default sampling frequency used when the record line gives none.</summary>
    public const double DefaultSamplingFrequencyHz = 250.0;

    /// <summary>Folder that signal file names are relative to.</summary>
    public string DirectoryPath => Path.GetDirectoryName(Path.GetFullPath(HeaderPath)) ?? ".";
}
