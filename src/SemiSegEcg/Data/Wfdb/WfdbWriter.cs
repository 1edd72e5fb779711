using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// Writes WFDB records (format 16, all signals interleaved in one <c>.dat</c>) and MIT-format annotation files,
/// each file atomically. What it writes, <see cref="WfdbReader"/> and the WFDB tools read back unchanged.
/// </summary>
public static class WfdbWriter
{
    private const int MaxDelta = 0x3FF;

    /// <summary>Writes <c>recordName.dat</c> and <c>recordName.hea</c> into <paramref name="directory"/>; returns the header path.</summary>
    public static string WriteRecord(string directory, string recordName, double samplingFrequencyHz,
        IReadOnlyList<WfdbWriterSignal> signals, IReadOnlyList<string>? comments = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(signals);
        if (string.IsNullOrEmpty(recordName) || recordName.Any(c => char.IsWhiteSpace(c) || c is '/' or '\\' || char.IsControl(c)))
            throw new ArgumentException($"record name '{recordName}' must be non-empty without whitespace or path separators", nameof(recordName));
        if (!double.IsFinite(samplingFrequencyHz) || samplingFrequencyHz <= 0)
            throw new ArgumentOutOfRangeException(nameof(samplingFrequencyHz), samplingFrequencyHz, "sampling frequency must be positive");
        if (signals.Count == 0) throw new ArgumentException("at least one signal is needed", nameof(signals));

        int length = signals[0].Digital.Length;
        for (int s = 0; s < signals.Count; s++) Validate(signals[s], s, length);
        foreach (string comment in comments ?? [])
        {
            if (comment.Contains('\n') || comment.Contains('\r'))
                throw new ArgumentException($"comment '{comment}' contains a line break", nameof(comments));
        }

        string datName = recordName + ".dat";
        var data = new byte[(long)length * signals.Count * 2];
        var span = data.AsSpan();
        for (int i = 0, at = 0; i < length; i++)
        {
            for (int s = 0; s < signals.Count; s++, at += 2)
                BinaryPrimitives.WriteInt16LittleEndian(span.Slice(at, 2), (short)signals[s].Digital[i]);
        }

        var header = new StringBuilder();
        header.Append(CultureInfo.InvariantCulture, $"{recordName} {signals.Count} {Number(samplingFrequencyHz)} {length}\n");
        foreach (var signal in signals)
        {
            int initial = length > 0 ? signal.Digital[0] : 0;
            long sum = 0;
            foreach (int v in signal.Digital) sum += v;
            short checksum = (short)(sum & 0xFFFF);
            header.Append(CultureInfo.InvariantCulture,
                $"{datName} 16 {Number(signal.Gain)}({signal.Baseline})/{signal.Units} 16 0 {initial} {checksum} 0");
            if (signal.Description.Length > 0) header.Append(' ').Append(signal.Description);
            header.Append('\n');
        }
        foreach (string comment in comments ?? []) header.Append('#').Append(comment).Append('\n');

        Directory.CreateDirectory(directory);
        string headerPath = Path.Combine(directory, recordName + ".hea");
        AtomicFile.WriteAllBytes(Path.Combine(directory, datName), data);
        AtomicFile.WriteAllBytes(headerPath, Encoding.Latin1.GetBytes(header.ToString()));
        return headerPath;
    }

    /// <summary>
    /// Writes annotations in MIT format, in the order given. A time step outside 0–1023 samples is written as SKIP;
    /// NUM and CHN are written when they differ from the previous annotation's (starting from 0), SUB when non-zero,
    /// AUX when the text is non-empty.
    /// </summary>
    public static void WriteAnnotations(string path, IEnumerable<WfdbAnnotation> annotations)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, EncodeAnnotations(annotations));
    }

    public static byte[] EncodeAnnotations(IEnumerable<WfdbAnnotation> annotations)
    {
        ArgumentNullException.ThrowIfNull(annotations);
        var output = new List<byte>();
        long time = 0;
        int channel = 0, number = 0, index = 0;
        foreach (var a in annotations)
        {
            Validate(a, index);
            long delta = a.Sample - time;
            if (delta is < 0 or > MaxDelta)
            {
                if (delta is < int.MinValue or > int.MaxValue)
                    throw new ArgumentOutOfRangeException(nameof(annotations), $"annotation {index}: gap of {delta} samples does not fit a SKIP interval");
                Word(output, AnnotationCodes.Skip, 0);
                uint interval = (uint)(int)delta;
                Word(output, (int)(interval >> 16));
                Word(output, (int)(interval & 0xFFFF));
                delta = 0;
            }
            Word(output, a.Code, (int)delta);
            time = a.Sample;
            if (a.SubType != 0) Word(output, AnnotationCodes.Sub, a.SubType & 0xFF);
            if (a.Channel != channel) Word(output, AnnotationCodes.Chn, a.Channel);
            if (a.Number != number) Word(output, AnnotationCodes.Num, a.Number & 0xFF);
            channel = a.Channel;
            number = a.Number;
            if (!string.IsNullOrEmpty(a.Aux))
            {
                byte[] text = Encoding.Latin1.GetBytes(a.Aux);
                Word(output, AnnotationCodes.Aux, text.Length);
                output.AddRange(text);
                if ((text.Length & 1) == 1) output.Add(0);
            }
            index++;
        }
        Word(output, 0, 0);
        return output.ToArray();
    }

    private static void Validate(WfdbWriterSignal signal, int index, int length)
    {
        ArgumentNullException.ThrowIfNull(signal);
        string name = $"signal {index} ('{signal.Description}')";
        if (signal.Digital is null) throw new ArgumentException($"{name} has no samples", nameof(signal));
        if (signal.Digital.Length != length)
            throw new ArgumentException($"{name} has {signal.Digital.Length} samples, signal 0 has {length}; all signals need the same length", nameof(signal));
        if (signal.Description is null || signal.Description.Contains('\n') || signal.Description.Contains('\r'))
            throw new ArgumentException($"{name}: description must be non-null without line breaks", nameof(signal));
        if (string.IsNullOrEmpty(signal.Units) || signal.Units.Any(char.IsWhiteSpace))
            throw new ArgumentException($"{name}: units '{signal.Units}' must be non-empty without whitespace", nameof(signal));
        if (!double.IsFinite(signal.Gain) || signal.Gain == 0)
            throw new ArgumentException($"{name}: gain {signal.Gain} must be finite and non-zero", nameof(signal));
        for (int i = 0; i < signal.Digital.Length; i++)
        {
            if (signal.Digital[i] is < short.MinValue or > short.MaxValue)
                throw new ArgumentException($"{name}: sample {i} = {signal.Digital[i]} does not fit format 16 (−32768 marks an invalid sample)", nameof(signal));
        }
    }

    private static void Validate(WfdbAnnotation a, int index)
    {
        ArgumentNullException.ThrowIfNull(a);
        string name = $"annotation {index} (sample {a.Sample}, '{a.Symbol}')";
        if (a.Code is < 1 or > AnnotationCodes.MaxCode)
            throw new ArgumentException($"{name}: code {a.Code} is not an annotation code (1–{AnnotationCodes.MaxCode})", nameof(a));
        if (AnnotationCodes.TryGetCode(a.Symbol, out int symbolCode) && symbolCode != a.Code)
            throw new ArgumentException($"{name}: symbol '{a.Symbol}' is code {symbolCode}, but the code field is {a.Code}", nameof(a));
        if (a.Sample < 0) throw new ArgumentException($"{name}: sample must not be negative", nameof(a));
        if (a.SubType is < sbyte.MinValue or > sbyte.MaxValue) throw new ArgumentException($"{name}: subtype {a.SubType} is outside −128..127", nameof(a));
        if (a.Number is < sbyte.MinValue or > sbyte.MaxValue) throw new ArgumentException($"{name}: number {a.Number} is outside −128..127", nameof(a));
        if (a.Channel is < 0 or > byte.MaxValue) throw new ArgumentException($"{name}: channel {a.Channel} is outside 0..255", nameof(a));
        if (a.Aux is { } aux)
        {
            if (aux.Any(c => c > 0xFF)) throw new ArgumentException($"{name}: aux text must be Latin-1", nameof(a));
            if (aux.Length > byte.MaxValue) throw new ArgumentException($"{name}: aux text has {aux.Length} characters, at most 255 fit", nameof(a));
        }
    }

    private static void Word(List<byte> output, int code, int data) => Word(output, code << 10 | data & MaxDelta);

    private static void Word(List<byte> output, int word)
    {
        output.Add((byte)word);
        output.Add((byte)(word >> 8));
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
