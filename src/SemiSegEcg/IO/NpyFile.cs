using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SemiSegEcg.IO;

/// <summary>Reads and writes NumPy <c>.npy</c> files (format 1.0–3.0, little-endian, C order) so numpy can read our outputs.</summary>
public static partial class NpyFile
{
    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];

    public static NpyArray Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read .npy file ({e.Message})", e);
        }
        return Parse(bytes, path);
    }

    public static NpyArray Parse(byte[] bytes, string source)
    {
        if (bytes.Length < 10 || !bytes.AsSpan(0, 6).SequenceEqual(Magic))
            throw new InvalidDataException($"{source}: not a .npy file (magic bytes missing)");
        int major = bytes[6];
        int headerLength, headerStart;
        if (major == 1) { headerLength = BitConverter.ToUInt16(bytes, 8); headerStart = 10; }
        else if (major is 2 or 3) { headerLength = (int)BitConverter.ToUInt32(bytes, 8); headerStart = 12; }
        else throw new InvalidDataException($"{source}: unsupported .npy format version {major}");
        if (headerStart + headerLength > bytes.Length)
            throw new InvalidDataException($"{source}: header runs past the end of the file");
        string header = Encoding.Latin1.GetString(bytes, headerStart, headerLength);

        string descr = HeaderField(DescrPattern(), header, "descr", source);
        string fortran = HeaderField(FortranPattern(), header, "fortran_order", source);
        string shapeText = HeaderField(ShapePattern(), header, "shape", source);
        if (fortran != "False")
            throw new InvalidDataException($"{source}: field 'fortran_order' is {fortran}; only C order is supported");
        long[] shape = shapeText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out long n) ? n
                : throw new InvalidDataException($"{source}: header field 'shape' has '{Printable(t)}', expected non-negative integers"))
            .ToArray();
        long count;
        try
        {
            count = shape.Aggregate(1L, (a, b) => checked(a * b));
        }
        catch (OverflowException)
        {
            throw new InvalidDataException($"{source}: header field 'shape' ({Printable(shapeText)}) has more elements than any file can hold");
        }

        int dataStart = headerStart + headerLength;
        (Type type, int size) = descr switch
        {
            "<f2" => (typeof(Half), 2),
            "<f4" => (typeof(float), 4),
            "<f8" => (typeof(double), 8),
            "<i8" => (typeof(long), 8),
            "<i4" => (typeof(int), 4),
            "<i2" => (typeof(short), 2),
            "|u1" or "<u1" => (typeof(byte), 1),
            "|b1" => (typeof(bool), 1),
            _ => throw new InvalidDataException($"{source}: field 'descr' is '{descr}'; supported: <f2 <f4 <f8 <i8 <i4 <i2 |u1 |b1"),
        };
        long needed = count * size;
        if (bytes.Length - dataStart < needed)
            throw new InvalidDataException($"{source}: data is truncated ({bytes.Length - dataStart} bytes, shape needs {needed})");
        if (type == typeof(Half))
        {
            // float16 (e.g. softmax outputs saved under AMP) is widened to float32 on read; every half is exact in float.
            var halves = MemoryMarshal.Cast<byte, Half>(bytes.AsSpan(dataStart, checked((int)needed)));
            var widened = new float[count];
            for (int i = 0; i < widened.Length; i++) widened[i] = (float)halves[i];
            return new NpyArray(shape, widened);
        }
        var data = Array.CreateInstance(type, count);
        Buffer.BlockCopy(bytes, dataStart, data, 0, checked((int)needed));
        return new NpyArray(shape, data);
    }

    public static void Write(string path, float[] data, params long[] shape) => Write(path, (Array)data, shape);
    public static void Write(string path, double[] data, params long[] shape) => Write(path, (Array)data, shape);
    public static void Write(string path, long[] data, params long[] shape) => Write(path, (Array)data, shape);
    public static void Write(string path, byte[] data, params long[] shape) => Write(path, (Array)data, shape);

    /// <summary>Writes atomically: a temp file in the same folder, then a rename.</summary>
    public static void Write(string path, Array data, long[] shape)
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer, data, shape);
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    public static void WriteTo(Stream stream, Array data, long[] shape)
    {
        string descr = data switch
        {
            float[] => "<f4",
            double[] => "<f8",
            long[] => "<i8",
            int[] => "<i4",
            short[] => "<i2",
            byte[] => "|u1",
            bool[] => "|b1",
            _ => throw new ArgumentException($"unsupported element type {data.GetType().GetElementType()}"),
        };
        long count = shape.Aggregate(1L, (a, b) => a * b);
        if (count != data.LongLength)
            throw new ArgumentException($"shape ({string.Join(",", shape)}) holds {count} elements, data has {data.LongLength}");
        string shapeText = shape.Length == 1 ? $"({shape[0]},)" : $"({string.Join(", ", shape)})";
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {shapeText}, }}";
        int unpadded = 10 + dict.Length + 1;
        int padding = (64 - unpadded % 64) % 64;
        string header = dict + new string(' ', padding) + "\n";
        stream.Write(Magic);
        stream.WriteByte(1);
        stream.WriteByte(0);
        Span<byte> len = stackalloc byte[2];
        BitConverter.TryWriteBytes(len, (ushort)header.Length);
        stream.Write(len);
        stream.Write(Encoding.Latin1.GetBytes(header));
        var raw = new byte[Buffer.ByteLength(data)];
        Buffer.BlockCopy(data, 0, raw, 0, raw.Length);
        stream.Write(raw);
    }

    private static string HeaderField(Regex pattern, string header, string field, string source)
    {
        var match = pattern.Match(header);
        if (!match.Success)
            throw new InvalidDataException($"{source}: header field '{field}' is missing or malformed: {Printable(header.Trim())}");
        return match.Groups[1].Value;
    }

    [GeneratedRegex(@"'descr'\s*:\s*'([^']*)'")]
    private static partial Regex DescrPattern();

    [GeneratedRegex(@"'fortran_order'\s*:\s*(True|False)")]
    private static partial Regex FortranPattern();

    [GeneratedRegex(@"'shape'\s*:\s*\(([^)]*)\)")]
    private static partial Regex ShapePattern();

    /// <summary>At most 100 characters of a damaged header, with anything unprintable shown as '?', for a one-line message.</summary>
    private static string Printable(string header)
    {
        var text = new string(header.Take(100).Select(c => char.IsControl(c) || c > '~' ? '?' : c).ToArray());
        return header.Length > 100 ? text + "…" : text;
    }
}
