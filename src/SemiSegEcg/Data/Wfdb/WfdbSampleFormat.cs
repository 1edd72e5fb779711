using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SemiSegEcg.Data.Wfdb;

/// <summary>
/// The WFDB sample storage formats: byte layout, invalid-sample sentinels and default ADC resolutions.
/// <list type="bullet">
/// <item>8: 8-bit first differences (signed); the reader adds them up starting from the initial value.</item>
/// <item>16 / 61: 16-bit two's complement, little / big endian. 24 / 32: 24- / 32-bit little endian.</item>
/// <item>80 / 160: 8- / 16-bit offset binary (stored value − 128 / − 32768).</item>
/// <item>212: two 12-bit samples in 3 bytes; 310 and 311: three 10-bit samples in 4 bytes (two different layouts).</item>
/// <item>0: null signal, nothing stored; every sample is invalid.</item>
/// </list>
/// Bit-packed formats pack the whole sample stream of a file continuously, across frame boundaries; an incomplete
/// last group is written short (212: 1 sample in 2 bytes; 310: 1 in 2, 2 in 4; 311: 1 in 2, 2 in 3), as the WFDB library does.
/// </summary>
public static class WfdbSampleFormat
{
    /// <summary>WFDB_INVALID_SAMPLE: what the WFDB library returns for a missing or invalid sample.</summary>
    public const int InvalidSample = -32768;

    /// <summary>Formats this reader can decode.</summary>
    public static IReadOnlyList<int> Supported { get; } = [0, 8, 16, 24, 32, 61, 80, 160, 212, 310, 311];

    public static bool IsSupported(int format) => format is 0 or 8 or 16 or 24 or 32 or 61 or 80 or 160 or 212 or 310 or 311;

    /// <summary>FLAC-compressed formats of WFDB 10.7: legal WFDB, but not decoded here.</summary>
    public static bool IsCompressed(int format) => format is 508 or 516 or 524;

    /// <summary>
    /// The digital value that marks an invalid sample in this format. For formats without an in-band sentinel
    /// (0 and 8) this is <see cref="InvalidSample"/>, the value the WFDB library reports for them.
    /// </summary>
    public static int InvalidValue(int format) => format switch
    {
        80 => -128,
        212 => -2048,
        310 or 311 => -512,
        24 => -(1 << 23),
        32 => int.MinValue,
        _ => InvalidSample,
    };

    /// <summary>ADC resolution the WFDB library assumes when a header line omits it.</summary>
    public static int DefaultAdcResolution(int format) => format switch
    {
        80 => 8,
        160 => 16,
        212 => 12,
        310 or 311 => 10,
        _ => 12,
    };

    /// <summary>Smallest and largest stored value the format can hold (for format 8: one difference).</summary>
    public static (int Min, int Max) StoredRange(int format) => format switch
    {
        8 or 80 => (-128, 127),
        16 or 61 or 160 => (-32768, 32767),
        24 => (-(1 << 23), (1 << 23) - 1),
        32 => (int.MinValue, int.MaxValue),
        212 => (-2048, 2047),
        310 or 311 => (-512, 511),
        _ => throw Unsupported(format),
    };

    /// <summary>Bytes that <paramref name="sampleCount"/> consecutive samples occupy.</summary>
    public static long ByteCount(int format, long sampleCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sampleCount);
        return format switch
        {
            0 => 0,
            8 or 80 => sampleCount,
            16 or 61 or 160 => sampleCount * 2,
            24 => sampleCount * 3,
            32 => sampleCount * 4,
            212 => sampleCount / 2 * 3 + (sampleCount % 2 == 1 ? 2 : 0),
            310 => sampleCount / 3 * 4 + (sampleCount % 3) switch { 0 => 0, 1 => 2, _ => 4 },
            311 => sampleCount / 3 * 4 + (sampleCount % 3) switch { 0 => 0, 1 => 2, _ => 3 },
            _ => throw Unsupported(format),
        };
    }

    /// <summary>How many whole samples <paramref name="byteCount"/> bytes hold (a trailing partial sample is not counted).</summary>
    public static long SampleCapacity(int format, long byteCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteCount);
        return format switch
        {
            8 or 80 => byteCount,
            16 or 61 or 160 => byteCount / 2,
            24 => byteCount / 3,
            32 => byteCount / 4,
            212 => byteCount / 3 * 2 + (byteCount % 3 == 2 ? 1 : 0),
            310 => byteCount / 4 * 3 + (byteCount % 4 >= 2 ? 1 : 0),
            311 => byteCount / 4 * 3 + (byteCount % 4) switch { 0 or 1 => 0, 2 => 1, _ => 2 },
            _ => throw Unsupported(format),
        };
    }

    /// <summary>
    /// Decodes <c>destination.Length</c> stored values from the start of <paramref name="source"/>
    /// (for format 8 these are the differences, not the samples).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Decode(int format, ReadOnlySpan<byte> source, Span<int> destination)
    {
        long needed = ByteCount(format, destination.Length);
        if (source.Length < needed)
            throw new ArgumentException($"format {format}: {destination.Length} samples need {needed} bytes, got {source.Length}", nameof(source));
        int n = destination.Length;
        switch (format)
        {
            case 8:
                for (int i = 0; i < n; i++) destination[i] = (sbyte)source[i];
                break;
            case 80:
                for (int i = 0; i < n; i++) destination[i] = source[i] - 128;
                break;
            case 16 when BitConverter.IsLittleEndian:
                var shorts = MemoryMarshal.Cast<byte, short>(source[..(2 * n)]);
                for (int i = 0; i < n; i++) destination[i] = shorts[i];
                break;
            case 16:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt16LittleEndian(source.Slice(2 * i, 2));
                break;
            case 61:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt16BigEndian(source.Slice(2 * i, 2));
                break;
            case 160:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadUInt16LittleEndian(source.Slice(2 * i, 2)) - 32768;
                break;
            case 24:
                for (int i = 0, b = 0; i < n; i++, b += 3)
                    destination[i] = source[b] | source[b + 1] << 8 | (sbyte)source[b + 2] << 16;
                break;
            case 32:
                for (int i = 0; i < n; i++) destination[i] = BinaryPrimitives.ReadInt32LittleEndian(source.Slice(4 * i, 4));
                break;
            case 212:
                Decode212(source, destination);
                break;
            case 310:
                Decode310(source, destination);
                break;
            case 311:
                Decode311(source, destination);
                break;
            case 0:
                destination.Fill(InvalidSample);
                break;
            default:
                throw Unsupported(format);
        }
    }

    /// <summary>Encodes stored values (for format 8: differences); throws if one is outside <see cref="StoredRange"/>.</summary>
    public static byte[] Encode(int format, ReadOnlySpan<int> values)
    {
        if (format == 0) return [];
        var (min, max) = StoredRange(format);
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < min || values[i] > max)
                throw new ArgumentOutOfRangeException(nameof(values), $"format {format}: value {values[i]} at index {i} is outside [{min}, {max}]");
        }
        var bytes = new byte[ByteCount(format, values.Length)];
        var d = bytes.AsSpan();
        int n = values.Length;
        switch (format)
        {
            case 8:
                for (int i = 0; i < n; i++) d[i] = (byte)(sbyte)values[i];
                break;
            case 80:
                for (int i = 0; i < n; i++) d[i] = (byte)(values[i] + 128);
                break;
            case 16:
                for (int i = 0; i < n; i++) BinaryPrimitives.WriteInt16LittleEndian(d.Slice(2 * i, 2), (short)values[i]);
                break;
            case 61:
                for (int i = 0; i < n; i++) BinaryPrimitives.WriteInt16BigEndian(d.Slice(2 * i, 2), (short)values[i]);
                break;
            case 160:
                for (int i = 0; i < n; i++) BinaryPrimitives.WriteUInt16LittleEndian(d.Slice(2 * i, 2), (ushort)(values[i] + 32768));
                break;
            case 24:
                for (int i = 0, b = 0; i < n; i++, b += 3)
                {
                    d[b] = (byte)values[i];
                    d[b + 1] = (byte)(values[i] >> 8);
                    d[b + 2] = (byte)(values[i] >> 16);
                }
                break;
            case 32:
                for (int i = 0; i < n; i++) BinaryPrimitives.WriteInt32LittleEndian(d.Slice(4 * i, 4), values[i]);
                break;
            case 212:
                for (int i = 0, b = 0; i < n; i += 2, b += 3)
                {
                    int v0 = values[i] & 0xFFF;
                    d[b] = (byte)v0;
                    if (i + 1 < n)
                    {
                        int v1 = values[i + 1] & 0xFFF;
                        d[b + 1] = (byte)((v0 >> 8) | ((v1 >> 4) & 0xF0));
                        d[b + 2] = (byte)v1;
                    }
                    else
                    {
                        d[b + 1] = (byte)(v0 >> 8);
                    }
                }
                break;
            case 310:
                for (int i = 0, b = 0; i < n; i += 3, b += 4)
                {
                    int v2 = i + 2 < n ? values[i + 2] : 0;
                    int w0 = ((values[i] << 1) & 0x7FE) | ((v2 << 11) & 0xF800);
                    BinaryPrimitives.WriteUInt16LittleEndian(d.Slice(b, 2), (ushort)w0);
                    if (i + 1 < n)
                    {
                        int w1 = ((values[i + 1] << 1) & 0x7FE) | ((v2 << 6) & 0xF800);
                        BinaryPrimitives.WriteUInt16LittleEndian(d.Slice(b + 2, 2), (ushort)w1);
                    }
                }
                break;
            case 311:
                for (int i = 0, b = 0; i < n; i += 3, b += 4)
                {
                    uint word = (uint)(values[i] & 0x3FF);
                    if (i + 1 < n) word |= (uint)(values[i + 1] & 0x3FF) << 10;
                    if (i + 2 < n) word |= (uint)(values[i + 2] & 0x3FF) << 20;
                    int length = Math.Min(4, (int)(bytes.Length - b));
                    for (int k = 0; k < length; k++) d[b + k] = (byte)(word >> (8 * k));
                }
                break;
            default:
                throw Unsupported(format);
        }
        return bytes;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decode212(ReadOnlySpan<byte> s, Span<int> d)
    {
        int n = d.Length, i = 0, b = 0;
        for (; i + 1 < n; i += 2, b += 3)
        {
            d[i] = SignExtend(s[b] | (s[b + 1] & 0x0F) << 8, 12);
            d[i + 1] = SignExtend(s[b + 2] | (s[b + 1] & 0xF0) << 4, 12);
        }
        if (i < n) d[i] = SignExtend(s[b] | (s[b + 1] & 0x0F) << 8, 12);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decode310(ReadOnlySpan<byte> s, Span<int> d)
    {
        int n = d.Length;
        for (int i = 0, b = 0; i < n; i += 3, b += 4)
        {
            int w0 = s[b] | s[b + 1] << 8;
            d[i] = SignExtend((w0 >> 1) & 0x3FF, 10);
            if (i + 1 >= n) break;
            int w1 = s[b + 2] | s[b + 3] << 8;
            d[i + 1] = SignExtend((w1 >> 1) & 0x3FF, 10);
            if (i + 2 >= n) break;
            d[i + 2] = SignExtend(((w0 & 0xF800) >> 11) | ((w1 & 0xF800) >> 6), 10);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Decode311(ReadOnlySpan<byte> s, Span<int> d)
    {
        int n = d.Length;
        for (int i = 0, b = 0; i < n; i += 3, b += 4)
        {
            int w0 = s[b] | s[b + 1] << 8;
            d[i] = SignExtend(w0 & 0x3FF, 10);
            if (i + 1 >= n) break;
            d[i + 1] = SignExtend(((w0 & 0xFC00) >> 10) | (s[b + 2] & 0x0F) << 6, 10);
            if (i + 2 >= n) break;
            d[i + 2] = SignExtend((s[b + 2] >> 4) | s[b + 3] << 4, 10);
        }
    }

    private static int SignExtend(int value, int bits)
    {
        int shift = 32 - bits;
        return (value << shift) >> shift;
    }

    private static ArgumentException Unsupported(int format) =>
        new($"WFDB format {format} is not supported (supported: {string.Join(", ", Supported)})", nameof(format));
}
