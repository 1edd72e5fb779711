using SemiSegEcg.IO;

namespace SemiSegEcg.Data.Pickle;

/// <summary>
/// Reads the original SemiSegECG data files: Python pickles (protocols 2–5) of one numpy array each, as written by
/// numpy 1.x or 2.x. Only numpy's array-reconstruction globals are accepted; any other global
/// (<c>os.system</c>, <c>builtins.eval</c>, ...) raises <see cref="PickleSecurityException"/> before anything is built.
/// </summary>
public static class NumpyPickleReader
{
    /// <summary>
    /// The array with its shape, in C order and native byte order. Element types: bool, sbyte, byte, short, ushort,
    /// int, uint, long, ulong, Half, float, double (numpy b1, i1, u1, i2, u2, i4, u4, i8, u8, f2, f4, f8).
    /// </summary>
    public static NpyArray ReadArray(string path) => ParseArray(ReadAllBytes(path), path);

    /// <summary>As <see cref="ReadArray"/>, for pickle bytes already in memory; <paramref name="source"/> names them in errors.</summary>
    public static NpyArray ParseArray(byte[] pickle, string source)
    {
        object? root = new RestrictedUnpickler(pickle, source, PickleAllowList.NumpyArrays).Load();
        if (root is not PickledNdarray array)
            throw new InvalidDataException($"{source}: the pickle holds a {PickleValues.Describe(root)}, expected a numpy array");
        try
        {
            return array.ToNpyArray();
        }
        catch (PickleContentException e)
        {
            throw new InvalidDataException($"{source}: {e.Message}");
        }
    }

    /// <summary>
    /// A single-lead waveform as doubles: shape <c>(N,)</c>, or <c>(1, N)</c> / <c>(N, 1)</c> flattened. Integer
    /// arrays are converted exactly; bool arrays and multi-lead shapes are errors.
    /// </summary>
    public static double[] ReadSignal(string path)
    {
        var array = ReadArray(path);
        RequireSingleLead(array, path, "signal");
        return array.Data switch
        {
            double[] d => d,
            float[] f => Array.ConvertAll(f, v => (double)v),
            Half[] h => Array.ConvertAll(h, v => (double)v),
            bool[] => throw new InvalidDataException($"{path}: signal has dtype bool, expected a numeric waveform"),
            _ => ToDoubleExactly(array.Data, path),
        };
    }

    /// <summary>
    /// A per-sample label mask as longs, with the same shape rules as <see cref="ReadSignal"/>. Float arrays are
    /// accepted only when every value is a whole number; bool arrays become 0/1.
    /// </summary>
    public static long[] ReadLabel(string path)
    {
        var array = ReadArray(path);
        RequireSingleLead(array, path, "label");
        return array.Data switch
        {
            long[] l => l,
            bool[] b => Array.ConvertAll(b, v => v ? 1L : 0L),
            double[] d => WholeNumbers(d, path),
            float[] f => WholeNumbers(Array.ConvertAll(f, v => (double)v), path),
            Half[] h => WholeNumbers(Array.ConvertAll(h, v => (double)v), path),
            ulong[] u => Array.ConvertAll(u, v => v <= long.MaxValue
                ? (long)v
                : throw new InvalidDataException($"{path}: label value {v} does not fit a signed 64-bit integer")),
            var data => ToLongs(data),
        };
    }

    private static byte[] ReadAllBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read pickle file ({e.Message})", e);
        }
    }

    private static void RequireSingleLead(NpyArray array, string path, string what)
    {
        if (array.Shape.Length is < 1 or > 2 || array.Shape.Count(d => d != 1) > 1)
            throw new InvalidDataException(
                $"{path}: {what} has shape ({string.Join(", ", array.Shape)}), expected one lead: (N,), (1, N) or (N, 1)");
    }

    private static double[] ToDoubleExactly(Array data, string path)
    {
        const double exactLimit = 9007199254740992; // 2^53: beyond it not every integer has a double
        var result = new double[data.Length];
        for (int i = 0; i < result.Length; i++)
        {
            double value = Convert.ToDouble(data.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            if (Math.Abs(value) > exactLimit)
                throw new InvalidDataException($"{path}: signal value at index {i} ({data.GetValue(i)}) cannot be represented exactly as a double");
            result[i] = value;
        }
        return result;
    }

    private static long[] WholeNumbers(double[] values, string path)
    {
        var result = new long[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v) || Math.Floor(v) != v || Math.Abs(v) > long.MaxValue)
                throw new InvalidDataException($"{path}: label value at index {i} is {v}, expected a whole number");
            result[i] = (long)v;
        }
        return result;
    }

    private static long[] ToLongs(Array data)
    {
        var result = new long[data.Length];
        for (int i = 0; i < result.Length; i++)
            result[i] = Convert.ToInt64(data.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
        return result;
    }
}
