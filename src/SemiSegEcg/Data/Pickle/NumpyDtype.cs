using System.Globalization;
using System.Runtime.InteropServices;

namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// A pickled <c>numpy.dtype</c>: <c>dtype('f8', False, True)</c> creates it, then BUILD sets the byte order from the
/// state tuple <c>(version, byteorder, subdescr, names, fields, elsize, alignment, flags[, metadata])</c>.
/// Only plain numeric kinds and (for pandas) the object kind are understood.
/// </summary>
internal sealed class NumpyDtype
{
    private NumpyDtype(char kind, int itemSize, char byteOrder)
    {
        Kind = kind;
        ItemSize = itemSize;
        ByteOrder = byteOrder;
    }

    /// <summary>numpy kind character: b (bool), i, u, f, or O (Python object).</summary>
    public char Kind { get; }

    public int ItemSize { get; }

    /// <summary>'&lt;', '&gt;', '|' (not applicable) or '=' (native, until BUILD says otherwise).</summary>
    public char ByteOrder { get; private set; }

    public bool IsObject => Kind == 'O';

    /// <summary>numpy's own spelling, e.g. <c>&lt;f8</c>, <c>|u1</c>, <c>|O</c>.</summary>
    public string Describe() => IsObject ? "|O" : $"{ByteOrder}{Kind}{ItemSize}";

    /// <summary>Parses the first argument of <c>numpy.dtype(...)</c>, e.g. <c>f8</c>, <c>u1</c>, <c>O8</c>, <c>&gt;i4</c>.</summary>
    public static NumpyDtype Parse(string code)
    {
        string text = code;
        char byteOrder = '=';
        if (text.Length > 0 && text[0] is '<' or '>' or '|' or '=')
        {
            byteOrder = text[0];
            text = text[1..];
        }
        if (text.Length < 1)
            throw new PickleContentException($"dtype '{code}' is empty");
        char kind = text[0];
        string sizeText = text[1..];
        int itemSize = 0;
        if (sizeText.Length > 0 && !int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out itemSize))
            throw new PickleContentException($"dtype '{code}' has an unreadable item size");

        bool supported = kind switch
        {
            'b' => itemSize == 1,
            'i' or 'u' => itemSize is 1 or 2 or 4 or 8,
            'f' => itemSize is 2 or 4 or 8,
            'O' => itemSize is 0 or 4 or 8,
            _ => false,
        };
        if (!supported)
            throw new PickleContentException(
                $"dtype '{code}' is not supported (only bool, int8–64, uint8–64, float16/32/64 and object arrays)");
        if (itemSize == 1) byteOrder = '|';
        return new NumpyDtype(kind, itemSize, byteOrder);
    }

    /// <summary>Applies the dtype's <c>__setstate__</c> tuple; refuses structured and sub-array dtypes.</summary>
    public void SetState(PickleTuple state)
    {
        if (state.Count < 2)
            throw new PickleContentException($"numpy.dtype state is a tuple of {state.Count}, expected at least 2 items");
        long version = PickleValues.AsLong(state[0], "numpy.dtype state version");
        string byteOrder = PickleValues.AsString(state[1], "numpy.dtype state byte order");
        if (byteOrder is not ("<" or ">" or "|" or "="))
            throw new PickleContentException($"numpy.dtype state byte order is '{byteOrder}', expected one of < > | =");
        if (version >= 1)
        {
            for (int i = 2; i <= 4 && i < state.Count; i++)
            {
                if (state[i] is not null)
                    throw new PickleContentException(
                        $"dtype {Describe()} is a structured or sub-array dtype (state item {i} is {PickleValues.Describe(state[i])}); only plain dtypes are supported");
            }
        }
        ByteOrder = ItemSize <= 1 || IsObject ? '|' : byteOrder[0];
    }

    /// <summary>Decodes <paramref name="count"/> elements into a typed array in this machine's byte order.</summary>
    public Array Decode(ReadOnlySpan<byte> raw, int count)
    {
        if (IsObject)
            throw new PickleContentException("object arrays hold Python objects, not raw bytes");
        if (raw.Length != (long)count * ItemSize)
            throw new PickleContentException($"array data has {raw.Length} bytes, dtype {Describe()} × {count} elements needs {(long)count * ItemSize}");
        return (Kind, ItemSize) switch
        {
            ('b', _) => DecodeBool(raw),
            ('i', 1) => Cast<sbyte>(raw, count),
            ('u', 1) => raw.ToArray(),
            ('i', 2) => Cast<short>(raw, count),
            ('u', 2) => Cast<ushort>(raw, count),
            ('i', 4) => Cast<int>(raw, count),
            ('u', 4) => Cast<uint>(raw, count),
            ('i', 8) => Cast<long>(raw, count),
            ('u', 8) => Cast<ulong>(raw, count),
            ('f', 2) => Cast<Half>(raw, count),
            ('f', 4) => Cast<float>(raw, count),
            ('f', 8) => Cast<double>(raw, count),
            _ => throw new PickleContentException($"dtype {Describe()} cannot be decoded"),
        };
    }

    private bool NeedsByteSwap =>
        ItemSize > 1 && (BitConverter.IsLittleEndian ? ByteOrder == '>' : ByteOrder == '<');

    private T[] Cast<T>(ReadOnlySpan<byte> raw, int count) where T : unmanaged
    {
        var result = new T[count];
        Span<byte> bytes = MemoryMarshal.AsBytes(result.AsSpan());
        raw.CopyTo(bytes);
        if (NeedsByteSwap)
        {
            for (int offset = 0; offset < bytes.Length; offset += ItemSize)
                bytes.Slice(offset, ItemSize).Reverse();
        }
        return result;
    }

    private static bool[] DecodeBool(ReadOnlySpan<byte> raw)
    {
        var result = new bool[raw.Length];
        for (int i = 0; i < raw.Length; i++) result[i] = raw[i] != 0;
        return result;
    }
}
