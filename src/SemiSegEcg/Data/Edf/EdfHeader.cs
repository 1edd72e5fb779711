namespace SemiSegEcg.Data.Edf;

/// <summary>The fixed header of an EDF/EDF+ file and its signals.</summary>
/// <param name="HeaderBytes">Size of the whole header: 256 × (signals + 1).</param>
/// <param name="Reserved">The 44-byte reserved field: <c>EDF+C</c> (continuous) or <c>EDF+D</c> (discontinuous) in EDF+, blank in EDF.</param>
/// <param name="DataRecords">Number of data records (−1 in the header when unknown; then derived from the file size).</param>
/// <param name="RecordDurationSeconds">Duration of one data record.</param>
public sealed record EdfHeader(
    string PatientId,
    string RecordingId,
    string StartDate,
    string StartTime,
    int HeaderBytes,
    string Reserved,
    long DataRecords,
    double RecordDurationSeconds,
    IReadOnlyList<EdfSignalSpec> Signals)
{
    public bool IsDiscontinuous => Reserved.StartsWith("EDF+D", StringComparison.Ordinal);

    /// <summary>Bytes of one data record: every signal's samples, 2 bytes each.</summary>
    public long RecordBytes => Signals.Sum(s => (long)s.SamplesPerRecord) * 2;

    /// <summary>Sampling rate of a signal in Hz.</summary>
    public double SamplingRateHz(int signal) => Signals[signal].SamplesPerRecord / RecordDurationSeconds;
}
