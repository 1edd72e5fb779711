namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// A WFDB record read into memory: digital samples per signal plus the header.
/// <para>
/// Signals with several samples per frame keep every sample: <c>Digital[s]</c> has
/// <c>SampleCount × SamplesPerFrame</c> values, in time order. Invalid samples keep their format's sentinel value
/// (<see cref="WfdbSampleFormat.InvalidValue"/>) in <see cref="Digital"/> and become NaN in <see cref="Physical"/>.
/// Skewed signals are already deskewed; where a skewed signal runs past the end of its file, the sentinel is filled in.
/// </para>
/// </summary>
public sealed class WfdbRecord
{
    private readonly SignalCheck[] _checks;

    internal WfdbRecord(WfdbHeader header, int[][] digital, long sampleCount, SignalCheck[] checks)
    {
        Header = header;
        Digital = digital;
        SampleCount = sampleCount;
        _checks = checks;
    }

    public WfdbHeader Header { get; }

    /// <summary>Digital samples (ADC units), one array per signal in header order.</summary>
    public int[][] Digital { get; }

    /// <summary>Frames read: the header's sample count, or when the header gives none, as many whole frames as the files hold.</summary>
    public long SampleCount { get; }

    public int SignalCount => Header.SignalCount;

    /// <summary>Physical values <c>(digital − baseline) / gain</c> in float64; NaN where the sample is invalid.</summary>
    public double[] Physical(int signal)
    {
        CheckSignal(signal);
        var spec = Header.Signals[signal];
        int invalid = WfdbSampleFormat.InvalidValue(spec.Format);
        int[] digital = Digital[signal];
        var physical = new double[digital.Length];
        double gain = spec.Gain, baseline = spec.Baseline;
        for (int i = 0; i < digital.Length; i++)
        {
            int d = digital[i];
            physical[i] = d == invalid ? double.NaN : (d - baseline) / gain;
        }
        return physical;
    }

    /// <summary>Index of the signal whose description equals <paramref name="description"/> (case-insensitive, e.g. "ii" or "II").</summary>
    public int SignalIndex(string description)
    {
        ArgumentNullException.ThrowIfNull(description);
        string wanted = description.Trim();
        for (int s = 0; s < Header.Signals.Count; s++)
        {
            if (string.Equals(Header.Signals[s].Description.Trim(), wanted, StringComparison.OrdinalIgnoreCase)) return s;
        }
        string available = string.Join(", ", Header.Signals.Select(x => x.Description));
        throw new ArgumentException(
            $"record {Header.RecordName} ({Header.HeaderPath}) has no signal '{description}'; available: {available}", nameof(description));
    }

    /// <summary>
    /// Compares the data with the header's checksums and initial values, as the WFDB library does when it reads a
    /// whole record: the checksum is the sum of the stored samples of the first <c>SampleCount</c> frames modulo 2^16
    /// (compared as 16-bit values, so signed and unsigned header spellings both match); the initial value is the first
    /// stored sample. Returns one readable line per mismatch; empty when everything agrees.
    /// </summary>
    public IReadOnlyList<string> VerifyAgainstHeader()
    {
        var problems = new List<string>();
        for (int s = 0; s < Header.Signals.Count; s++)
        {
            var spec = Header.Signals[s];
            var check = _checks[s];
            if (spec.Format == 0 || check.SampleCount == 0) continue;
            string who = $"{Header.HeaderPath}: signal {s} ('{spec.Description}', {spec.FileName})";
            if (spec.Checksum is { } expected && ((check.Checksum - expected) & 0xFFFF) != 0)
                problems.Add($"{who}: checksum of {check.SampleCount} samples is {(short)check.Checksum}, header says {expected}");
            if (spec.HasInitialValue && check.FirstSample != spec.InitialValue)
                problems.Add($"{who}: first sample is {check.FirstSample}, header initial value is {spec.InitialValue}");
        }
        return problems;
    }

    private void CheckSignal(int signal)
    {
        if ((uint)signal >= (uint)Header.Signals.Count)
            throw new ArgumentOutOfRangeException(nameof(signal), signal,
                $"record {Header.RecordName} has {Header.Signals.Count} signals (0..{Header.Signals.Count - 1})");
    }

    /// <summary>What the reader saw in the file for one signal, before deskewing.</summary>
    internal readonly record struct SignalCheck(int Checksum, int FirstSample, long SampleCount);
}
