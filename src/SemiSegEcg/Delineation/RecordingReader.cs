using System.Globalization;
using SemiSegEcg.Data.Edf;
using SemiSegEcg.Data.Wfdb;
using SemiSegEcg.IO;

namespace SemiSegEcg.Delineation;

/// <summary>
/// Reads a recording to delineate, by file extension:
/// <list type="bullet">
/// <item><c>.hea</c>, <c>.dat</c> or a path without extension next to a <c>.hea</c>: a WFDB record (every format
/// <see cref="WfdbReader"/> reads). The header's sampling rate is used; a different <c>fsOverride</c> is ignored with a
/// warning, so one <c>--fs</c> can serve a mix of CSV and WFDB inputs. Values are converted to mV from the header units
/// (V, mV, uV/µV); other units are kept as they are, with a warning.</item>
/// <item><c>.edf</c>: an EDF or EDF+ (continuous) file, the usual clinical export (<see cref="EdfReader"/>). The
/// header's sampling rate and units are used as for WFDB; the EDF+ annotation channel is skipped; signals sampled at
/// another rate than most (e.g. a respiration channel beside the ECG leads) are left out with a warning; a label's
/// <c>ECG </c> prefix (EDF+'s signal-type convention) is dropped from the lead name.</item>
/// <item><c>.csv</c>: one numeric column per lead, separated by commas or semicolons (with semicolons a decimal comma
/// is accepted), an optional header row of lead names (the first row is a header when any of its cells is not a
/// number), and a column named time, t, seconds, sec or time_s (units in brackets allowed) is skipped. Without a header
/// the leads are named lead1, lead2, …; the sampling rate must be given.</item>
/// <item><c>.npy</c>: shape (T,), or (leads, T) / (T, leads) when the lead count is at most 15 and T larger; leads
/// named lead1, lead2, …; the sampling rate must be given.</item>
/// </list>
/// <para><b>Invalid samples</b> (WFDB invalid-sample sentinels, empty or NaN CSV cells, NaN in .npy) are filled by linear
/// interpolation between the nearest valid samples, and held flat before the first and after the last valid one, with a
/// warning. Interpolation rather than zeros: a zero run inside an offset signal is a step that the band-pass turns into
/// a wave-like transient, which the model would label. A lead without any valid sample becomes zeros, with a warning.</para>
/// </summary>
public static class RecordingReader
{
    /// <param name="fsOverride">Sampling rate in Hz; required for CSV and .npy, ignored for WFDB.</param>
    /// <param name="leads">Lead names to keep, in this order (case-insensitive); null or empty keeps all.</param>
    public static RecordingInput Read(string path, double? fsOverride = null, IReadOnlyList<string>? leads = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (fsOverride is { } fs && (!double.IsFinite(fs) || fs <= 0))
            throw new ArgumentOutOfRangeException(nameof(fsOverride), fs, "sampling rate must be a positive number of Hz");

        string extension = Path.GetExtension(path).ToLowerInvariant();
        RecordingInput all = extension switch
        {
            ".csv" => ReadCsv(path, fsOverride),
            ".npy" => ReadNpy(path, fsOverride),
            ".hea" => ReadWfdb(path, fsOverride),
            ".edf" => ReadEdf(path, fsOverride),
            ".dat" when File.Exists(Path.ChangeExtension(path, ".hea")) => ReadWfdb(Path.ChangeExtension(path, ".hea"), fsOverride),
            _ when File.Exists(path + ".hea") => ReadWfdb(path + ".hea", fsOverride),
            _ when !File.Exists(path) => throw new FileNotFoundException($"{path}: no such file, and no WFDB header {path}.hea", path),
            _ => throw new NotSupportedException($"{path}: unsupported input; expected a WFDB record (.hea), an EDF/EDF+ file (.edf), a .csv or a .npy file"),
        };
        var selected = WithoutEmptyLeads(SelectLeads(all, leads));
        selected.Validate();
        return selected;
    }

    /// <summary>Keeps the named leads in the given order; an unknown name fails with the list of available leads.</summary>
    public static RecordingInput SelectLeads(RecordingInput input, IReadOnlyList<string>? leads)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (leads is null || leads.Count == 0) return input;
        var indices = new List<int>();
        foreach (string name in leads)
        {
            int index = input.LeadIndex(name);
            if (index < 0)
                throw new ArgumentException(
                    $"{input.SourcePath}: no lead '{name}'; available leads: {string.Join(", ", input.LeadNames)}", nameof(leads));
            if (!indices.Contains(index)) indices.Add(index);
        }
        return input with
        {
            LeadNames = indices.Select(i => input.LeadNames[i]).ToArray(),
            Leads = indices.Select(i => input.Leads[i]).ToArray(),
        };
    }

    private static RecordingInput ReadWfdb(string headerPath, double? fsOverride)
    {
        var record = WfdbReader.Read(headerPath);
        var header = record.Header;
        var warnings = new List<string>();
        if (header.SignalCount == 0) throw new InvalidDataException($"{headerPath}: record has no signals");
        int samplesPerFrame = header.Signals[0].SamplesPerFrame;
        for (int s = 1; s < header.SignalCount; s++)
        {
            if (header.Signals[s].SamplesPerFrame != samplesPerFrame)
                throw new InvalidDataException(
                    $"{headerPath}: signals sampled at different rates (signal 0 has {samplesPerFrame} samples per frame, signal {s} " +
                    $"'{header.Signals[s].Description}' has {header.Signals[s].SamplesPerFrame}); delineation needs one rate");
        }
        double fs = header.SamplingFrequencyHz * samplesPerFrame;
        if (fsOverride is { } given && Math.Abs(given - fs) > 1e-9 * fs)
            warnings.Add($"{headerPath}: the header's sampling rate {Format(fs)} Hz is used; the given {Format(given)} Hz is ignored");

        var names = new string[header.SignalCount];
        var leads = new double[header.SignalCount][];
        for (int s = 0; s < header.SignalCount; s++)
        {
            var spec = header.Signals[s];
            names[s] = spec.Description.Trim();
            double[] x = record.Physical(s);
            ToMillivolts(x, spec.Units, $"{headerPath}: signal {s} '{names[s]}'", warnings);
            FillInvalid(x, $"{headerPath}: signal {s} '{names[s]}'", warnings);
            leads[s] = x;
        }
        return new RecordingInput(header.RecordName, fs, names, leads, headerPath) { Warnings = warnings };
    }

    private static RecordingInput ReadEdf(string path, double? fsOverride)
    {
        var edf = EdfReader.Read(path);
        var header = edf.Header;
        if (header.IsDiscontinuous)
            throw new InvalidDataException($"{path}: field 'reserved' is EDF+D: a discontinuous recording; delineation needs one continuous signal (export it as EDF+C)");
        var signals = Enumerable.Range(0, header.Signals.Count).Where(s => !header.Signals[s].IsAnnotations).ToList();
        if (signals.Count == 0) throw new InvalidDataException($"{path}: no signals besides the EDF+ annotations");
        var warnings = new List<string>();
        // The rate most signals share (the first signal's on a tie): ECG leads are exported together at one rate.
        int common = signals.GroupBy(s => header.Signals[s].SamplesPerRecord)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.First()).First().Key;
        foreach (int s in signals.Where(s => header.Signals[s].SamplesPerRecord != common))
            warnings.Add($"{path}: signal '{header.Signals[s].Label}' is sampled at {Format(header.SamplingRateHz(s))} Hz, not the {Format(common / header.RecordDurationSeconds)} Hz of the others; left out");
        signals = signals.Where(s => header.Signals[s].SamplesPerRecord == common).ToList();
        double fs = common / header.RecordDurationSeconds;
        if (fsOverride is { } given && Math.Abs(given - fs) > 1e-9 * fs)
            warnings.Add($"{path}: the header's sampling rate {Format(fs)} Hz is used; the given {Format(given)} Hz is ignored");

        var names = new string[signals.Count];
        var leads = new double[signals.Count][];
        for (int i = 0; i < signals.Count; i++)
        {
            var spec = header.Signals[signals[i]];
            names[i] = spec.Label.StartsWith("ECG ", StringComparison.OrdinalIgnoreCase) ? spec.Label[4..].Trim() : spec.Label;
            double[] x = edf.Physical[signals[i]];
            ToMillivolts(x, spec.PhysicalDimension, $"{path}: signal '{spec.Label}'", warnings);
            leads[i] = x;
        }
        return new RecordingInput(Path.GetFileNameWithoutExtension(path), fs, names, leads, path) { Warnings = warnings };
    }

    /// <summary>Scales <paramref name="x"/> to mV from its units; values in other units stay as they are, with a warning.</summary>
    private static void ToMillivolts(double[] x, string units, string who, List<string> warnings)
    {
        double toMillivolts = MillivoltsPer(units);
        if (double.IsNaN(toMillivolts))
        {
            warnings.Add($"{who} has units '{units}', not a voltage; values are used as they are");
            return;
        }
        if (toMillivolts == 1) return;
        for (int i = 0; i < x.Length; i++) x[i] *= toMillivolts;
    }

    private static double MillivoltsPer(string units) => units.Trim() switch
    {
        "mV" or "mv" or "MV" => 1,
        "uV" or "µV" or "μV" or "uv" => 1e-3,
        "V" or "v" => 1e3,
        "nV" => 1e-6,
        _ => double.NaN,
    };

    private static RecordingInput ReadCsv(string path, double? fs)
    {
        var parsed = CsvRecordingParser.Parse(path);
        double rate = fs ?? throw MissingRate(path, "a CSV file");
        var warnings = new List<string>();
        for (int lead = 0; lead < parsed.Leads.Length; lead++)
            FillInvalid(parsed.Leads[lead], $"{path}: column '{parsed.Names[lead]}'", warnings);
        return new RecordingInput(Path.GetFileNameWithoutExtension(path), rate, parsed.Names, parsed.Leads, path) { Warnings = warnings };
    }

    private static RecordingInput ReadNpy(string path, double? fs)
    {
        var array = NpyFile.Read(path);
        double rate = fs ?? throw MissingRate(path, "a .npy file");
        double[] flat = array.Data switch
        {
            double[] or float[] => array.AsFloat64(),
            long[] or int[] or short[] or byte[] => Array.ConvertAll(array.AsInt64(), v => (double)v),
            _ => throw new InvalidDataException($"{path}: field 'descr' is {array.Data.GetType().GetElementType()!.Name}, expected numbers"),
        };
        long[] shape = array.Shape;
        const int maxLeads = 15;
        double[][] leads;
        if (shape.Length == 1)
        {
            leads = [flat];
        }
        else if (shape.Length == 2 && shape[0] <= maxLeads && shape[1] > maxLeads)
        {
            int count = (int)shape[0], length = (int)shape[1];
            leads = new double[count][];
            for (int l = 0; l < count; l++) leads[l] = flat.AsSpan(l * length, length).ToArray();
        }
        else if (shape.Length == 2 && shape[1] <= maxLeads && shape[0] > maxLeads)
        {
            int length = (int)shape[0], count = (int)shape[1];
            leads = new double[count][];
            for (int l = 0; l < count; l++)
            {
                leads[l] = new double[length];
                for (int t = 0; t < length; t++) leads[l][t] = flat[t * count + l];
            }
        }
        else
        {
            throw new InvalidDataException(
                $"{path}: field 'shape' is ({string.Join(", ", shape)}), expected (T,), (leads, T) or (T, leads) with at most {maxLeads} leads and more than {maxLeads} samples");
        }
        if (leads[0].Length == 0) throw new InvalidDataException($"{path}: field 'shape' is ({string.Join(", ", shape)}): no samples");
        var warnings = new List<string>();
        var names = Enumerable.Range(1, leads.Length).Select(i => $"lead{i}").ToArray();
        for (int l = 0; l < leads.Length; l++) FillInvalid(leads[l], $"{path}: {names[l]}", warnings);
        return new RecordingInput(Path.GetFileNameWithoutExtension(path), rate, names, leads, path) { Warnings = warnings };
    }

    private static InvalidDataException MissingRate(string path, string what) =>
        new($"{path}: field 'sampling rate' is unknown: {what} does not store it; give it (--fs)");

    /// <summary>
    /// Drops the leads without a single valid sample (left all-NaN by <see cref="FillInvalid"/>): delineating a
    /// constant stand-in would report a lead without beats as if it had been measured.
    /// </summary>
    private static RecordingInput WithoutEmptyLeads(RecordingInput input)
    {
        var kept = Enumerable.Range(0, input.Leads.Length).Where(l => input.Leads[l].Length == 0 || !double.IsNaN(input.Leads[l][0])).ToArray();
        if (kept.Length == input.Leads.Length) return input;
        if (kept.Length == 0)
            throw new InvalidDataException($"{input.SourcePath}: no lead has a valid sample (all {input.Leads.Length} are empty or NaN)");
        return input with { LeadNames = kept.Select(l => input.LeadNames[l]).ToArray(), Leads = kept.Select(l => input.Leads[l]).ToArray() };
    }

    /// <summary>Linear interpolation over NaN runs; flat hold at the ends; a lead with no valid sample stays all-NaN.</summary>
    internal static void FillInvalid(double[] x, string who, List<string> warnings)
    {
        int invalid = 0;
        foreach (double v in x)
        {
            if (double.IsNaN(v)) invalid++;
        }
        if (invalid == 0) return;
        if (invalid == x.Length)
        {
            warnings.Add($"{who}: all {x.Length} samples are invalid; the lead is skipped");
            return;
        }
        int previous = -1;
        for (int i = 0; i <= x.Length; i++)
        {
            if (i < x.Length && double.IsNaN(x[i])) continue;
            int gapStart = previous + 1;
            if (i > gapStart)
            {
                for (int k = gapStart; k < i; k++)
                {
                    x[k] = previous < 0 ? x[i]
                        : i == x.Length ? x[previous]
                        : x[previous] + (x[i] - x[previous]) * (k - previous) / (i - previous);
                }
            }
            previous = i;
        }
        warnings.Add($"{who}: {invalid} invalid sample(s) filled by linear interpolation");
    }

    private static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
