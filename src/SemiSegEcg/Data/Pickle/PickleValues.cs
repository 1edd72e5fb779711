using System.Globalization;

namespace SemiSegEcg.Data.Pickle;

/// <summary>Typed access to unpickled values, with errors that say which Python type was found instead.</summary>
internal static class PickleValues
{
    public static string Describe(object? value) => value switch
    {
        null => "None",
        bool => "bool",
        long => "int",
        double => "float",
        string => "str",
        byte[] => "bytes",
        PickleTuple t => $"tuple of {t.Count}",
        List<object?> => "list",
        Dictionary<object, object?> => "dict",
        HashSet<object?> => "set",
        PickleGlobal g => $"global {g}",
        NumpyDtype => "numpy.dtype",
        PickledNdarray => "numpy.ndarray",
        PythonSlice => "slice",
        PandasBlock => "pandas Block",
        PandasBlockManager => "pandas BlockManager",
        PandasIndex => "pandas Index",
        PandasFrameState => "pandas DataFrame",
        _ => value.GetType().Name,
    };

    public static long AsLong(object? value, string what) => value switch
    {
        long l => l,
        bool b => b ? 1 : 0,
        _ => throw new PickleContentException($"{what} is {Describe(value)}, expected an int"),
    };

    public static long? AsOptionalLong(object? value, string what) => value is null ? null : AsLong(value, what);

    public static bool AsBool(object? value, string what) => value switch
    {
        bool b => b,
        long l => l != 0,
        _ => throw new PickleContentException($"{what} is {Describe(value)}, expected a bool"),
    };

    public static string AsString(object? value, string what) =>
        value as string ?? throw new PickleContentException($"{what} is {Describe(value)}, expected a str");

    public static T As<T>(object? value, string what, string expected) where T : class =>
        value as T ?? throw new PickleContentException($"{what} is {Describe(value)}, expected {expected}");

    public static void ExpectCount(PickleTuple args, int min, int max, string what)
    {
        if (args.Count < min || args.Count > max)
        {
            string expected = min == max ? min.ToString(CultureInfo.InvariantCulture) : $"{min}–{max}";
            throw new PickleContentException($"{what} has {args.Count} arguments, expected {expected}");
        }
    }

    /// <summary>Reads a numpy shape tuple; rejects negative dimensions and element counts a .NET array cannot hold.</summary>
    public static long[] AsShape(object? value, string what)
    {
        var tuple = value switch
        {
            PickleTuple t => t,
            long l => new PickleTuple([l]),
            _ => throw new PickleContentException($"{what} is {Describe(value)}, expected a shape tuple"),
        };
        var shape = new long[tuple.Count];
        long count = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            shape[i] = AsLong(tuple[i], $"{what}[{i}]");
            if (shape[i] < 0)
                throw new PickleContentException($"{what}[{i}] is {shape[i]}, expected a non-negative dimension");
            count = shape[i] == 0 || count <= Array.MaxLength / shape[i] ? count * shape[i] : long.MaxValue;
        }
        if (count > Array.MaxLength)
            throw new PickleContentException($"{what} ({string.Join(", ", shape)}) holds more elements than an array can");
        return shape;
    }

    public static long ElementCount(long[] shape) => shape.Aggregate(1L, (a, b) => a * b);
}
