using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace SemiSegEcg.Data.Edf;

/// <summary>
/// Reads EDF and EDF+ files (European Data Format: a 256-byte ASCII header, 256 more bytes per signal, then data records
/// of little-endian 16-bit samples, each signal's samples contiguous within a record). Physical values follow the
/// header's linear map from [digital min, digital max] to [physical min, physical max]. The EDF+ annotation channel is
/// recognised and skipped. Every field is checked, and a malformed one is reported with the file and the field's name.
/// Written here because no maintained .NET package reads EDF.
/// </summary>
public static class EdfReader
{
    private const int FixedHeaderBytes = 256;
    private const int BytesPerSignal = 256;

    public static EdfRecord Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such file", path);
        byte[] bytes = File.ReadAllBytes(path);
        var header = ReadHeader(path, bytes);
        long dataBytes = bytes.Length - header.HeaderBytes;
        long records = header.DataRecords;
        if (records < 0)
        {
            records = dataBytes / header.RecordBytes;
        }
        else if (dataBytes < records * header.RecordBytes)
        {
            throw new InvalidDataException(
                $"{path}: field 'number of data records' says {records} records of {header.RecordBytes} bytes, but the file holds {dataBytes} bytes of data (truncated?)");
        }
        header = header with { DataRecords = records };

        var physical = new double[header.Signals.Count][];
        for (int s = 0; s < physical.Length; s++)
            physical[s] = header.Signals[s].IsAnnotations ? [] : new double[checked(records * header.Signals[s].SamplesPerRecord)];
        long offset = header.HeaderBytes;
        for (long r = 0; r < records; r++)
        {
            for (int s = 0; s < physical.Length; s++)
            {
                var spec = header.Signals[s];
                int n = spec.SamplesPerRecord;
                if (!spec.IsAnnotations)
                {
                    var target = physical[s];
                    long start = r * n;
                    for (int i = 0; i < n; i++)
                        target[start + i] = spec.ToPhysical(BinaryPrimitives.ReadInt16LittleEndian(bytes.AsSpan((int)(offset + 2L * i), 2)));
                }
                offset += 2L * n;
            }
        }
        return new EdfRecord(path, header, physical);
    }

    /// <summary>Parses and checks the header (fixed part and per-signal fields).</summary>
    public static EdfHeader ReadHeader(string path, ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < FixedHeaderBytes)
            throw new InvalidDataException($"{path}: {bytes.Length} bytes, shorter than the 256-byte EDF header");
        string version = Ascii(bytes, 0, 8);
        if (version.Trim() != "0")
            throw new InvalidDataException($"{path}: field 'version' is '{version.Trim()}', expected '0' (not an EDF file?)");
        int signals = Integer(path, bytes, 252, 4, "number of signals");
        if (signals < 1) throw new InvalidDataException($"{path}: field 'number of signals' is {signals}, expected at least 1");
        int headerBytes = Integer(path, bytes, 184, 8, "number of bytes in header");
        int expectedHeader = FixedHeaderBytes + signals * BytesPerSignal;
        if (headerBytes != expectedHeader)
            throw new InvalidDataException($"{path}: field 'number of bytes in header' is {headerBytes}, expected {expectedHeader} for {signals} signals");
        if (bytes.Length < headerBytes)
            throw new InvalidDataException($"{path}: {bytes.Length} bytes, shorter than its {headerBytes}-byte header (truncated?)");
        long records = Integer(path, bytes, 236, 8, "number of data records");
        if (records < -1) throw new InvalidDataException($"{path}: field 'number of data records' is {records}, expected -1 or more");
        double duration = Number(path, bytes, 244, 8, "duration of a data record");
        if (!(duration > 0)) throw new InvalidDataException($"{path}: field 'duration of a data record' is {duration}, expected a positive number of seconds");

        // The per-signal fields are stored field by field: all labels, then all transducers, and so on.
        int[] widths = [16, 80, 8, 8, 8, 8, 8, 80, 8];
        var fields = new string[widths.Length][];
        int at = FixedHeaderBytes;
        for (int f = 0; f < widths.Length; f++)
        {
            fields[f] = new string[signals];
            for (int s = 0; s < signals; s++) fields[f][s] = Ascii(bytes, at + s * widths[f], widths[f]).Trim();
            at += signals * widths[f];
        }
        string[] labels = fields[0], transducers = fields[1], dimensions = fields[2], pmin = fields[3], pmax = fields[4],
            dmin = fields[5], dmax = fields[6], prefilter = fields[7], samples = fields[8];
        var specs = new EdfSignalSpec[signals];
        for (int s = 0; s < signals; s++)
        {
            string who = $"signal {s + 1} '{labels[s]}'";
            var spec = new EdfSignalSpec(labels[s], transducers[s], dimensions[s],
                ParseNumber(path, pmin[s], $"{who} physical minimum"), ParseNumber(path, pmax[s], $"{who} physical maximum"),
                ParseInteger(path, dmin[s], $"{who} digital minimum"), ParseInteger(path, dmax[s], $"{who} digital maximum"),
                prefilter[s], ParseInteger(path, samples[s], $"{who} number of samples in each data record"));
            if (spec.SamplesPerRecord < 1)
                throw new InvalidDataException($"{path}: field '{who} number of samples in each data record' is {spec.SamplesPerRecord}, expected at least 1");
            if (!spec.IsAnnotations && (spec.DigitalMaximum <= spec.DigitalMinimum || spec.PhysicalMaximum == spec.PhysicalMinimum))
                throw new InvalidDataException(
                    $"{path}: {who}: digital range [{spec.DigitalMinimum}, {spec.DigitalMaximum}] and physical range [{spec.PhysicalMinimum}, {spec.PhysicalMaximum}] give no scale");
            specs[s] = spec;
        }
        return new EdfHeader(Ascii(bytes, 8, 80).Trim(), Ascii(bytes, 88, 80).Trim(), Ascii(bytes, 168, 8).Trim(), Ascii(bytes, 176, 8).Trim(),
            headerBytes, Ascii(bytes, 192, 44).Trim(), records, duration, specs);
    }

    private static string Ascii(ReadOnlySpan<byte> bytes, int start, int length) => Encoding.ASCII.GetString(bytes.Slice(start, length));

    private static int Integer(string path, ReadOnlySpan<byte> bytes, int start, int length, string field) =>
        ParseInteger(path, Ascii(bytes, start, length).Trim(), field);

    private static double Number(string path, ReadOnlySpan<byte> bytes, int start, int length, string field) =>
        ParseNumber(path, Ascii(bytes, start, length).Trim(), field);

    private static int ParseInteger(string path, string text, string field) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)
            ? value
            : throw new InvalidDataException($"{path}: field '{field}' is '{text}', expected an integer");

    private static double ParseNumber(string path, string text, string field) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new InvalidDataException($"{path}: field '{field}' is '{text}', expected a number");
}
