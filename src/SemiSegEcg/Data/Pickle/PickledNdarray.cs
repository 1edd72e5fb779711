using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// A <c>numpy.ndarray</c> being rebuilt from a pickle. <c>_reconstruct(ndarray, (0,), b'b')</c> creates an empty
/// placeholder and BUILD fills it from <c>(version, shape, dtype, is_fortran, rawdata)</c>; protocol 5's
/// <c>_frombuffer(buffer, dtype, shape, order)</c> creates it filled.
/// </summary>
internal sealed class PickledNdarray
{
    private long[]? _shape;
    private NumpyDtype? _dtype;
    private bool _isFortran;
    private byte[]? _raw;
    private IReadOnlyList<object?>? _objects;

    public bool IsFilled => _shape is not null;

    public long[] Shape => _shape ?? throw Unfilled();

    public NumpyDtype Dtype => _dtype ?? throw Unfilled();

    public static PickledNdarray FromBuffer(byte[] buffer, NumpyDtype dtype, long[] shape, string order)
    {
        if (order is not ("C" or "F"))
            throw new PickleContentException($"_frombuffer order is '{order}', expected 'C' or 'F'");
        if (dtype.IsObject)
            throw new PickleContentException("_frombuffer with an object dtype is not a valid numpy pickle");
        var array = new PickledNdarray();
        array.Fill(shape, dtype, order == "F", buffer, null);
        return array;
    }

    /// <summary>The ndarray <c>__setstate__</c>: 5 items (with version) or the older 4-item form.</summary>
    public void SetState(PickleTuple state)
    {
        int first = state.Count switch
        {
            5 => 1,
            4 => 0,
            _ => throw new PickleContentException($"numpy.ndarray state is a tuple of {state.Count}, expected 4 or 5 items"),
        };
        long[] shape = PickleValues.AsShape(state[first], "numpy.ndarray state shape");
        var dtype = PickleValues.As<NumpyDtype>(state[first + 1], "numpy.ndarray state dtype", "a numpy.dtype");
        bool isFortran = PickleValues.AsBool(state[first + 2], "numpy.ndarray state is_fortran");
        object? data = state[first + 3];
        switch (data)
        {
            case byte[] raw when !dtype.IsObject:
                Fill(shape, dtype, isFortran, raw, null);
                break;
            case string text when !dtype.IsObject:
                // Pickles written by Python 2 and loaded as latin-1 carry the buffer as text.
                Fill(shape, dtype, isFortran, Latin1Bytes(text, "numpy.ndarray state data"), null);
                break;
            case List<object?> items when dtype.IsObject:
                Fill(shape, dtype, isFortran, null, items);
                break;
            default:
                throw new PickleContentException(
                    $"numpy.ndarray state data is {PickleValues.Describe(data)}, which does not fit dtype {dtype.Describe()}");
        }
    }

    /// <summary>The numeric array in C order and native byte order.</summary>
    public NpyArray ToNpyArray()
    {
        if (Dtype.IsObject)
            throw new PickleContentException("the array has dtype object (it holds Python objects, not numbers)");
        byte[] raw = _raw!;
        if (_isFortran && NeedsReorder(Shape))
        {
            int[] fromFortran = FortranIndexOfEachCElement(Shape);
            int size = Dtype.ItemSize;
            var c = new byte[raw.Length];
            for (int i = 0; i < fromFortran.Length; i++)
                Buffer.BlockCopy(raw, fromFortran[i] * size, c, i * size, size);
            raw = c;
        }
        int count = checked((int)PickleValues.ElementCount(Shape));
        return new NpyArray((long[])Shape.Clone(), Dtype.Decode(raw, count));
    }

    /// <summary>Every element boxed as long, double, bool, string or null, in C order (for pandas columns).</summary>
    public object?[] ToObjects()
    {
        if (!Dtype.IsObject)
        {
            Array data = ToNpyArray().Data;
            var boxed = new object?[data.Length];
            for (int i = 0; i < boxed.Length; i++) boxed[i] = Box(data.GetValue(i));
            return boxed;
        }
        var objects = _objects!;
        var result = new object?[objects.Count];
        int[]? fromFortran = _isFortran && NeedsReorder(Shape) ? FortranIndexOfEachCElement(Shape) : null;
        for (int i = 0; i < result.Length; i++)
        {
            object? item = objects[fromFortran?[i] ?? i];
            result[i] = item is null or string or long or double or bool
                ? item
                : throw new PickleContentException($"object array element {i} is {PickleValues.Describe(item)}, expected str, int, float, bool or None");
        }
        return result;
    }

    private void Fill(long[] shape, NumpyDtype dtype, bool isFortran, byte[]? raw, IReadOnlyList<object?>? objects)
    {
        long count = PickleValues.ElementCount(shape);
        if (raw is not null && raw.LongLength != count * dtype.ItemSize)
            throw new PickleContentException(
                $"array data has {raw.LongLength} bytes but shape ({string.Join(", ", shape)}) of {dtype.Describe()} needs {count * dtype.ItemSize}");
        if (objects is not null && objects.Count != count)
            throw new PickleContentException(
                $"object array has {objects.Count} items but shape ({string.Join(", ", shape)}) needs {count}");
        _shape = shape;
        _dtype = dtype;
        _isFortran = isFortran;
        _raw = raw;
        _objects = objects;
    }

    private static object? Box(object? value) => value switch
    {
        sbyte v => (long)v,
        byte v => (long)v,
        short v => (long)v,
        ushort v => (long)v,
        int v => (long)v,
        uint v => (long)v,
        ulong v when v > long.MaxValue => throw new PickleContentException($"uint64 value {v} does not fit a signed 64-bit integer"),
        ulong v => (long)v,
        Half v => (double)v,
        float v => (double)v,
        _ => value,
    };

    internal static byte[] Latin1Bytes(string text, string what)
    {
        var bytes = new byte[text.Length];
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] > '\u00FF')
                throw new PickleContentException($"{what} has character U+{(int)text[i]:X4} at {i}, which latin-1 cannot encode");
            bytes[i] = (byte)text[i];
        }
        return bytes;
    }

    /// <summary>C and Fortran layouts differ only when more than one dimension is longer than 1.</summary>
    private static bool NeedsReorder(long[] shape) => shape.Count(d => d > 1) > 1;

    private static int[] FortranIndexOfEachCElement(long[] shape)
    {
        int rank = shape.Length;
        var fortranStride = new long[rank];
        long stride = 1;
        for (int k = 0; k < rank; k++)
        {
            fortranStride[k] = stride;
            stride *= shape[k];
        }
        var result = new int[checked((int)stride)];
        var index = new long[rank];
        for (int c = 0; c < result.Length; c++)
        {
            long f = 0;
            for (int k = 0; k < rank; k++) f += index[k] * fortranStride[k];
            result[c] = (int)f;
            for (int k = rank - 1; k >= 0; k--)
            {
                if (++index[k] < shape[k]) break;
                index[k] = 0;
            }
        }
        return result;
    }

    private static PickleContentException Unfilled() =>
        new("numpy.ndarray was created by _reconstruct but never given its state (missing BUILD)");
}
